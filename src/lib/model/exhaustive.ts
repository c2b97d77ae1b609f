// For the default branch of a switch over kinds, faults or other closed unions: the argument
// has type `never` once every case is handled, so adding a member to the union turns each
// switch that forgot it into a compile error naming the place. At run time (a value from an
// untyped source that slipped through) it throws instead of quietly doing nothing.
export function unreachable(x: never): never {
	throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}

// Param specs: the one description of a field that the inspector (labels, units, ranges,
// help), validation and the defaults all read.

export interface BaseSpec {
	key: string;
	label: string;
	help: string;
	/** Show only when a sibling field has one of these values (e.g. shape.kind). */
	when?: { key: string; is: readonly (string | boolean)[] };
}

export interface NumberSpec extends BaseSpec {
	type: 'number';
	unit?: string;
	default: number;
	min: number;
	max: number;
	integer?: boolean;
	/** The lower bound itself is not allowed (e.g. a service time of exactly 0 is fine, a period of 0 is not). */
	exclusiveMin?: boolean;
}

export interface ChoiceSpec extends BaseSpec {
	type: 'choice';
	options: readonly string[];
	default: string;
}

export interface BooleanSpec extends BaseSpec {
	type: 'boolean';
	default: boolean;
}

export interface SectionSpec extends BaseSpec {
	type: 'section';
	fields: ParamSpec[];
	/** A section that is absent by default (e.g. failures, breaker) is switched on by `enabled`. */
}

/** A free map such as a client's `regions` shares ({regionId: share}). */
export interface MapSpec extends BaseSpec {
	type: 'map';
	default: Record<string, number>;
	min: number;
	max: number;
}

/** Which request types an edge carries. */
export interface TypesSpec extends BaseSpec {
	type: 'types';
	default: readonly string[];
}

export type ParamSpec = NumberSpec | ChoiceSpec | BooleanSpec | SectionSpec | MapSpec | TypesSpec;

const n = (
	key: string,
	label: string,
	unit: string | undefined,
	def: number,
	min: number,
	max: number,
	help: string,
	extra: Partial<NumberSpec> = {}
): NumberSpec => ({ type: 'number', key, label, unit, default: def, min, max, help, ...extra });
const int = (
	key: string,
	label: string,
	def: number,
	min: number,
	max: number,
	help: string,
	extra: Partial<NumberSpec> = {}
): NumberSpec => n(key, label, undefined, def, min, max, help, { integer: true, ...extra });
const choice = (
	key: string,
	label: string,
	options: readonly string[],
	def: string,
	help: string,
	extra: Partial<ChoiceSpec> = {}
): ChoiceSpec => ({ type: 'choice', key, label, options, default: def, help, ...extra });
const bool = (key: string, label: string, def: boolean, help: string, extra: Partial<BooleanSpec> = {}): BooleanSpec => ({
	type: 'boolean',
	key,
	label,
	default: def,
	help,
	...extra
});
const section = (key: string, label: string, fields: ParamSpec[], help: string): SectionSpec => ({
	type: 'section',
	key,
	label,
	fields,
	help
});

export const spec = { n, int, choice, bool, section };

/** "Unbounded" in a form field: large, finite, so JSON round-trips it. */
export const UNBOUNDED = 1_000_000_000;

export const SERVICE_DISTS = ['exponential', 'constant', 'lognormal'] as const;

/** The server-group fields shared by service, worker, cache, database, objectStore, cdn, kvStore. */
export function serverGroup(d: {
	instances: number;
	concurrency: number;
	serviceTimeMs?: number;
	queueLimit?: number;
}): ParamSpec[] {
	const fields: ParamSpec[] = [
		int('instances', 'Instances', d.instances, 1, 10_000, 'Machines in the group; each has its own workers and queue.'),
		int('concurrency', 'Concurrency', d.concurrency, 1, 1_000_000, 'Workers (threads, connections) per instance.')
	];
	if (d.serviceTimeMs !== undefined)
		fields.push(n('serviceTimeMs', 'Service time', 'ms', d.serviceTimeMs, 0, 3_600_000, 'Mean time one worker spends on one request.'));
	fields.push(
		choice('serviceDist', 'Service distribution', SERVICE_DISTS, 'exponential', 'How service times vary around the mean.'),
		n('serviceCv', 'Service CV', undefined, 1, 0, 100, 'Coefficient of variation (lognormal only).', {
			when: { key: 'serviceDist', is: ['lognormal'] }
		}),
		int('queueLimit', 'Queue limit', d.queueLimit ?? 100, 0, UNBOUNDED, 'Waiting slots per instance (not counting those in service); a full queue rejects (503).')
	);
	return fields;
}

export const FAILURES_SECTION: SectionSpec = section(
	'failures',
	'Random failures',
	[
		bool('enabled', 'Enabled', false, 'Fail and recover at random, each instance independently.'),
		// Lower bounds: each failure and repair is a lifecycle transition, far dearer than a request event.
		n('mtbfS', 'Mean time between failures', 's', 3600, 0.001, 1e9, 'Mean up time (exponential).'),
		n('mttrS', 'Mean time to repair', 's', 60, 0.0001, 1e9, 'Mean down time (exponential).')
	],
	'Each instance is down a fraction mttr / (mtbf + mttr) of the time.'
);

export function autoscaleSection(backlog: boolean): SectionSpec {
	const fields: ParamSpec[] = [
		bool('enabled', 'Enabled', false, 'Add and remove instances to track the target.'),
		int('min', 'Min instances', 1, 1, 10_000, 'Never fewer than this.'),
		int('max', 'Max instances', 10, 1, 10_000, 'Never more than this.'),
		n('targetUtilization', 'Target utilization', undefined, 0.6, 0.01, 1, 'Busy workers / all workers the scaler aims for.'),
		n('evaluateS', 'Evaluate every', 's', 10, 0.1, 3600, 'How often the scaler looks.'),
		n('warmupS', 'Warm-up', 's', 30, 0, 3600, 'A new instance takes traffic only after this.')
	];
	if (backlog)
		fields.push(
			n('targetBacklogPerWorker', 'Target backlog per worker', undefined, 0, 0, 1e9, 'If > 0, scale on queue backlog per worker instead of utilization.')
		);
	return section('autoscale', 'Autoscale', fields, 'Horizontal scaling of a stateless tier.');
}

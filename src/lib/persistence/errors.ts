// Storage failures mapped to one plain message each. Everything here is about what the
// user should know and do: the design in memory is never dropped because storage failed.

export type StorageProblem = 'quota' | 'unavailable' | 'blocked' | 'newer' | 'stale' | 'deleted' | 'unknown';

export interface StorageError {
	problem: StorageProblem;
	message: string;
}

/** A write whose base revision is not the stored one: another tab saved first. */
export class StaleRevisionError extends Error {
	constructor(
		readonly id: string,
		readonly expected: number,
		readonly actual: number | null
	) {
		super(
			actual === null
				? `Design ${id} is no longer in the library.`
				: `Design ${id} is at revision ${actual}, not ${expected}.`
		);
		this.name = 'StaleRevisionError';
	}
}

/** indexedDB.open could not even start (private mode, storage disabled, no API). */
export class StorageUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StorageUnavailableError';
	}
}

/** Another tab holds an older database version open, so ours cannot upgrade. */
export class UpgradeBlockedError extends Error {
	constructor() {
		super('Database upgrade blocked by another tab.');
		this.name = 'UpgradeBlockedError';
	}
}

const KEEP = 'Your design is kept in this tab; download it as a file to be safe.';

function nameOf(e: unknown): string {
	if (e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string')
		return (e as { name: string }).name;
	return '';
}

/** The user-facing reading of any error thrown by the persistence layer. */
export function describeStorageError(e: unknown): StorageError {
	const name = nameOf(e);
	// Some browsers report quota through the transaction's abort, with the cause inside.
	const inner = e && typeof e === 'object' && 'cause' in e ? nameOf((e as { cause: unknown }).cause) : '';
	if (e instanceof StaleRevisionError)
		return e.actual === null
			? { problem: 'deleted', message: 'This design was deleted in another tab. Restore it from the library or save a copy.' }
			: { problem: 'stale', message: 'This design was changed in another tab. Reload to see those changes, or keep yours as a copy.' };
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
		return { problem: 'quota', message: `The browser's storage for Loadbearing is full, so the latest changes were not saved. ${KEEP}` };
	if (e instanceof UpgradeBlockedError)
		return {
			problem: 'blocked',
			message: `Loadbearing is open in another tab with an older version and is blocking the update. Close the other tabs, then reload. ${KEEP}`
		};
	// The stored library is a newer schema than this (cached, older) copy of the app knows.
	if (name === 'VersionError' || (e instanceof StorageUnavailableError && /version/i.test(e.message)))
		return {
			problem: 'newer',
			message: `Your saved designs were last opened by a newer Loadbearing. Reload the page to get it. ${KEEP}`
		};
	if (e instanceof StorageUnavailableError || name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
		return {
			problem: 'unavailable',
			message: `This browser is not letting Loadbearing store designs (private browsing or storage turned off). ${KEEP}`
		};
	const detail = e instanceof Error ? e.message : String(e);
	return { problem: 'unknown', message: `Saving failed: ${detail.slice(0, 200)}. ${KEEP}` };
}

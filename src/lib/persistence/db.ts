// The IndexedDB schema. A saved design is split in two records so the library list reads
// only small summaries: `designs` (name, times, revision, thumbnail) and `documents`
// (the design itself). Both are written in one transaction.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { StorageUnavailableError, UpgradeBlockedError } from './errors';
import type { Thumbnail } from './thumbnail';

// do not change without a migration: database, store and index names, and key paths.
export const DB_NAME = 'loadbearing';
export const DB_VERSION = 1;
export const STORE_DESIGNS = 'designs';
export const STORE_DOCUMENTS = 'documents';
export const STORE_SETTINGS = 'settings';
export const INDEX_UPDATED = 'byUpdatedAt';
// end of names

export interface DesignSummary {
	id: string;
	name: string;
	createdAt: number;
	updatedAt: number;
	/** Bumped by every write; a write must name the revision it started from. */
	revision: number;
	/** Schema version of the stored document (model DESIGN_VERSION when written). */
	schemaVersion: number;
	nodeCount: number;
	thumbnail: Thumbnail;
	/** Set when deleted (kept for undo until purged). */
	deletedAt?: number;
}

export interface DesignDocument {
	id: string;
	/** The design as written; untrusted when read back (goes through restoreDesign). */
	design: unknown;
}

export interface LoadbearingDB extends DBSchema {
	designs: { key: string; value: DesignSummary; indexes: { byUpdatedAt: number } };
	documents: { key: string; value: DesignDocument };
	settings: { key: string; value: unknown };
}

export type DB = IDBPDatabase<LoadbearingDB>;

export interface OpenOptions {
	name?: string;
	/** Called when another tab needs a newer version: we close so it can proceed. */
	onVersionChange?: () => void;
	/** Only tests ask for another version (to exercise a blocked upgrade). */
	version?: number;
}

/** Opens (and creates or upgrades) the database; throws the errors of errors.ts. */
export async function openDesignDb(opts: OpenOptions = {}): Promise<DB> {
	if (typeof indexedDB === 'undefined' || !indexedDB) throw new StorageUnavailableError('indexedDB is not available');
	let blocked: () => void = () => {};
	const blockedP = new Promise<never>((_, reject) => (blocked = () => reject(new UpgradeBlockedError())));
	blockedP.catch(() => {});
	let openP: Promise<DB>;
	try {
		openP = openDB<LoadbearingDB>(opts.name ?? DB_NAME, opts.version ?? DB_VERSION, {
			upgrade(db, oldVersion) {
				// Version steps run in order; each creates what its version added.
				if (oldVersion < 1) {
					const designs = db.createObjectStore(STORE_DESIGNS, { keyPath: 'id' });
					designs.createIndex(INDEX_UPDATED, 'updatedAt');
					db.createObjectStore(STORE_DOCUMENTS, { keyPath: 'id' });
					db.createObjectStore(STORE_SETTINGS);
				}
			},
			blocked: () => blocked(),
			blocking: () => opts.onVersionChange?.()
		});
	} catch (e) {
		throw new StorageUnavailableError(e instanceof Error ? e.message : String(e));
	}
	try {
		return await Promise.race([openP, blockedP]);
	} catch (e) {
		if (e instanceof UpgradeBlockedError) {
			// If the other tab lets go later, do not keep a connection nobody uses.
			openP.then((db) => db.close()).catch(() => {});
			throw e;
		}
		const name = (e as { name?: string })?.name;
		if (name === 'QuotaExceededError' || name === 'VersionError') throw e;
		throw new StorageUnavailableError(e instanceof Error ? e.message : String(e));
	}
}

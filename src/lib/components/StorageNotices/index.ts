export { default as StorageNotices } from './StorageNotices.svelte';
export { default as SaveStatus } from './SaveStatus.svelte';
export { default as FileDrop } from './FileDrop.svelte';

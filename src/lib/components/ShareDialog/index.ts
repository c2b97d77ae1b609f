export { default as ShareDialog } from './ShareDialog.svelte';
export { default as ExportImage } from './ExportImage.svelte';

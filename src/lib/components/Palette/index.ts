export { default as Palette } from './Palette.svelte';
export { DRAG_MIME } from './dnd';

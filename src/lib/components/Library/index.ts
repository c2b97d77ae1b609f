export { default as Library } from './Library.svelte';
export { default as Thumbnail } from './Thumbnail.svelte';
export { timeAgo } from './time';
export { default as LibraryButton } from './LibraryButton.svelte';

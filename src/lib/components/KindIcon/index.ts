export { default as KindIcon } from './KindIcon.svelte';

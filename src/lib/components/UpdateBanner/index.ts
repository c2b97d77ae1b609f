export { default as UpdateBanner } from './UpdateBanner.svelte';

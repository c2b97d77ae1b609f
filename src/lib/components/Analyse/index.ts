export { default as AnalyseButtons } from './AnalyseButtons.svelte';
export { default as SweepPanel } from './SweepPanel.svelte';
export { default as ComparePanel } from './ComparePanel.svelte';

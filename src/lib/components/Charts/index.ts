export { default as RunCharts } from './RunCharts.svelte';
export { default as TimeChart } from './TimeChart.svelte';
export { ChartScope } from './scope.svelte';
export type { Marker, Series } from './types';

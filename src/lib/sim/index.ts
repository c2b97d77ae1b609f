// The simulator's public API (docs/contract.md): pure TypeScript, the same in Node, Vitest and
// the Web Worker.
export { simulate, createSimulation } from './run';
export { checkDesign } from './check';
export { DesignError } from './types';
export type { SimResult, MetricsFrame, NodeFrame, NodeResult, Simulation, SimOptions, Stat, FailureCounts } from './types';

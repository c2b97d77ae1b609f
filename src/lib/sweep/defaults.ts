// The analyses' defaults, on their own so the page can show them without loading the
// sweep's planner or runner (they load with the first analysis).

/** Loads in a sweep. */
export const DEFAULT_POINTS = 12;
/** Runs over seeds for the confidence band and the comparison. */
export const DEFAULT_RUNS = 8;

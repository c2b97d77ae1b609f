export * from './types';
export * from './params';
export * from './kinds';
export * from './defaults';
export * from './validate';
export * from './restore';
export * from './migrations';
export * from './sanitize';

export { default as PracticeButtons } from './PracticeButtons.svelte';
export { default as PracticePanel } from './PracticePanel.svelte';
export { default as TemplatesPanel } from './TemplatesPanel.svelte';
export { default as ChallengesPanel } from './ChallengesPanel.svelte';
export { default as EstimatorPanel } from './EstimatorPanel.svelte';
export { default as ReviewPanel } from './ReviewPanel.svelte';
export { default as Why } from './Why.svelte';

export { menuEntries } from './entries';

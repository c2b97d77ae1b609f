// The first thirteen challenges (easy, medium, hard files) against the real simulator.
import { EASY } from './easy';
import { HARD } from './hard';
import { MEDIUM } from './medium';
import { proveChallenges } from './prove.testkit';

proveChallenges([...EASY, ...MEDIUM, ...HARD]);

/** One engine for all core tests: loading jieba's dictionary once keeps the suite fast. */
import { getEngine } from '../../functions/engine.js';

export const engine = getEngine();

export const check = (description: string, title = '招聘') => engine.check({ title, description });

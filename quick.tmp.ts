import { simulate } from './server/src/simulator/simulate';
const b = require('./bench/scheduler');

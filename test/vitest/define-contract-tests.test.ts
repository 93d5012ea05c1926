import { defineContractTests } from '../../src/vitest/index.js';

// What a user writes in their own suite: one test per contract on the target of their choice.
defineContractTests({ target: 'embedded' });

import ajvEqual from 'ajv/dist/runtime/equal';

/** The deep equality ajv's code uses (fast-deep-equal: for enum values, uniqueItems), typed as a function. */
export const deepEqual = ajvEqual as unknown as (a: unknown, b: unknown) => boolean;

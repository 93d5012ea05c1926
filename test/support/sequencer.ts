import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * vitest's own order (longest first by the last run's durations, the largest files first without them) within each
 * project, and the projects in the order given rather than by name: the process-spawning files, the longest, start
 * first so the in-process files run beside them.
 */
export function sequencerInProjectOrder(projects: string[]): typeof BaseSequencer {
  const rank = (spec: TestSpecification): number => {
    const index = projects.indexOf(spec.project.name);
    return index === -1 ? projects.length : index;
  };
  return class extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
    }
  };
}

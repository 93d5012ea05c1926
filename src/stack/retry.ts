/** Retries `attempt` while `retryable(error)` says so, waiting longer each time, for at most `totalMs`. */
export async function retrying<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  totalMs: number,
): Promise<T> {
  const deadline = Date.now() + totalMs;
  for (let wait = 500; ; wait = Math.min(wait * 2, 8000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export function errorNamed(...names: string[]): (error: unknown) => boolean {
  return (error) => names.includes((error as { name?: string }).name ?? '');
}

/** Why a server could not listen on host:port, in words, with `another` saying how to pick another port. */
export function whyCannotListen(error: unknown, host: string, port: number, another: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use (${another})`;
  if (code === 'EACCES') return `not allowed to listen on port ${port} (use a port above 1023)`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `HOST ${host} is not an address of this machine`;
  return (error as Error).message;
}

import { describe, expect, it } from 'vitest';
import { ApiGatewayStore } from '../../emulator/store/apigateway-store.js';
import { AuthStore } from '../../emulator/store/auth-store.js';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { ConsoleQueries } from '../../emulator/store/console-queries.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { LambdaStore } from '../../emulator/store/lambda-store.js';

/** The stores as the emulator makes them, on one database, with their (private) statements. */
function everyStore(db: Database): Record<string, { statements: Record<string, unknown> }> {
  const cognito = new CognitoStore(db);
  const stores = {
    auth: new AuthStore(db),
    iam: new IamStore(db),
    apigateway: new ApiGatewayStore(db),
    'cognito pools': cognito.pools,
    'cognito identities': cognito.identities,
    lambda: new LambdaStore(db),
    console: new ConsoleQueries(db),
  };
  return stores as unknown as Record<string, { statements: Record<string, unknown> }>;
}

describe("the stores' prepared statements", () => {
  it('are prepared on first use, each once, and every one compiles against its schema', () => {
    const db = Database.open();
    const prepared: string[] = [];
    const prepare = db.sql.prepare.bind(db.sql);
    db.sql.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof db.sql.prepare;
    const stores = everyStore(db);
    // Each member is prepared by its first use below, exactly once: none was at start, none is twice.
    const atStart = prepared.length;
    let count = 0;
    for (const [name, store] of Object.entries(stores)) {
      for (const member of Object.keys(store.statements)) {
        const statement = store.statements[member] as { source: string };
        expect(statement, `${name}: ${member}`).toHaveProperty('source');
        expect(store.statements[member], `${name}: ${member} is kept`).toBe(statement);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(prepared.length - atStart).toBe(count);
    db.close();
  });
});

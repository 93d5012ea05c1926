import { useState } from 'preact/hooks';
import type { EvaluatedPolicy, Explanation, RequestDetail } from '../api.js';
import { CopyButton, Decision, Fields, Json, Load, Status, Time, useApi } from '../components.js';
import { firstDifference } from '../diff.js';
import { enc, Link } from '../router.js';

export function RequestPage({ requestId }: { requestId: string }) {
  const load = useApi<RequestDetail>(`requests/${enc(requestId)}`);
  return (
    <>
      <p class="crumbs">
        <Link to="/requests">Requests</Link> /
      </p>
      <Load load={load}>
        {(request) => (
          <>
            <h1>
              {request.service ?? 'request'} {request.operation ?? ''} <Status status={request.status} />
            </h1>
            <Fields
              rows={[
                ['Request ID', <span class="mono">{request.requestId}</span>],
                ['Time', <Time iso={request.time} />],
                [
                  'Request',
                  <span class="mono">
                    {request.method} {request.path}
                  </span>,
                ],
                ['Status', request.errorCode ? `${request.status} ${request.errorCode}` : request.status],
                ['Decision', <Decision decision={request.decision} />],
                [
                  'Action',
                  request.actions?.length ? <span class="mono">{request.actions.join(', ')}</span> : undefined,
                ],
                ['Resource', request.resource ? <span class="mono">{request.resource}</span> : undefined],
                ['Caller', request.caller ? <Caller caller={request.caller} /> : request.callerArn],
                ['Region', request.region],
                ['Source', `${request.sourceIp} · ${request.userAgent}`],
                ['Duration', `${request.durationMs.toFixed(1)} ms`],
              ]}
            />
            {request.explanation ? <Explain explanation={request.explanation} requestTime={request.time} /> : null}
          </>
        )}
      </Load>
    </>
  );
}

function Caller({ caller }: { caller: NonNullable<RequestDetail['caller']> }) {
  return (
    <>
      <span class="mono">{caller.arn}</span> <span class="muted">({caller.kind})</span>
      {caller.roleName ? (
        <div>
          role <Link to={`/roles/${enc(caller.roleName)}`}>{caller.roleName}</Link>
          {caller.sessionName ? `, session ${caller.sessionName}` : ''}
        </div>
      ) : null}
      {caller.identityId ? (
        <div>
          identity <Link to={`/identities/${enc(caller.identityId)}`}>{caller.identityId}</Link>
        </div>
      ) : null}
    </>
  );
}

function Explain({ explanation, requestTime }: { explanation: Explanation; requestTime: string }) {
  switch (explanation.kind) {
    case 'signature':
      return <SignatureExplanation explanation={explanation} />;
    case 'iam-denial':
      return <DenialExplanation explanation={explanation} />;
    case 'expired':
      return (
        <section class="explain" aria-labelledby="why">
          <h2 id="why">Why: the {explanation.what === 'token' ? 'token' : 'credentials'} had expired</h2>
          <p>{explanation.message}</p>
          <Fields
            rows={[
              ['Expired at (emulator clock)', <Time iso={explanation.expiredAt} />],
              ['Request made at', <Time iso={requestTime} />],
              ['Late by', `${Math.round((Date.parse(requestTime) - Date.parse(explanation.expiredAt)) / 1000)} s`],
              ['Emulator clock now', <Time iso={explanation.emulatorNow} />],
            ]}
          />
        </section>
      );
    case 'lambda-error':
      return (
        <section class="explain" aria-labelledby="why">
          <h2 id="why">
            Why: the function <FunctionLink name={explanation.functionName} /> failed
          </h2>
          <Fields
            rows={[
              ['Error type', <strong>{explanation.errorType}</strong>],
              ['Message', explanation.errorMessage],
            ]}
          />
          <h3>Log output</h3>
          <pre class="code logs">
            <code>{explanation.logs || '(no log output)'}</code>
          </pre>
        </section>
      );
    case 'error':
      return (
        <section class="explain" aria-labelledby="why">
          <h2 id="why">Why: {explanation.errorCode}</h2>
          <p>{explanation.message}</p>
        </section>
      );
  }
}

function FunctionLink({ name }: { name: string }) {
  return <Link to={`/functions/${enc(name)}`}>{name}</Link>;
}

function SignatureExplanation({ explanation }: { explanation: Extract<Explanation, { kind: 'signature' }> }) {
  const [pasted, setPasted] = useState('');
  const against = pasted.includes('AWS4-HMAC-SHA256\n') ? explanation.stringToSign : explanation.canonicalRequest;
  const which = against === explanation.stringToSign ? 'string-to-sign' : 'canonical request';
  const difference = pasted.trim() ? firstDifference(against, pasted) : undefined;
  const lines = against.split('\n');
  return (
    <section class="explain" aria-labelledby="why">
      <h2 id="why">Why: the signature does not match</h2>
      <p>{explanation.message}</p>
      <div class="side">
        <div>
          <h3>Canonical request the emulator computed</h3>
          <pre class="code">
            <code>
              {explanation.canonicalRequest.split('\n').map((line, index) => (
                <span
                  key={index}
                  class={which === 'canonical request' && difference?.line === index + 1 ? 'line differs' : 'line'}
                >
                  {line}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
          <h3>String to sign</h3>
          <pre class="code">
            <code>
              {explanation.stringToSign.split('\n').map((line, index) => (
                <span
                  key={index}
                  class={which === 'string-to-sign' && difference?.line === index + 1 ? 'line differs' : 'line'}
                >
                  {line}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        </div>
        <div>
          <label for="pasted">
            <h3>Your client's canonical request (or string-to-sign)</h3>
          </label>
          <p class="muted">
            Paste what your SDK logged (aws-sdk-js: a signer with a logger; botocore: debug logging; curl: --verbose).
          </p>
          <textarea
            id="pasted"
            rows={14}
            spellcheck={false}
            value={pasted}
            onInput={(event) => setPasted((event.target as HTMLTextAreaElement).value)}
          />
          <div role="status" aria-live="polite" class="diff-result">
            {!pasted.trim() ? null : difference ? (
              <>
                <p>
                  <strong>
                    The {which} first differs at line {difference.line}
                  </strong>
                  {lines[difference.line - 1] !== undefined ? ` (${lineName(which, difference.line)})` : ''}:
                </p>
                <dl class="difference">
                  <dt>emulator</dt>
                  <dd>
                    <mark class="mono">{difference.expected ?? '(no line)'}</mark>
                  </dd>
                  <dt>yours</dt>
                  <dd>
                    <mark class="mono">{difference.actual ?? '(no line)'}</mark>
                  </dd>
                </dl>
              </>
            ) : (
              <p>
                <strong>Your {which} is the same as the emulator's</strong>: then the signing key differs (the secret
                access key, the date, the region or the service in the scope).
              </p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

// SigV4's canonical request: method, path, query, headers (one per line), a blank line, signed headers, payload hash.
function lineName(which: string, line: number): string {
  if (which === 'string-to-sign')
    return ['algorithm', 'request date', 'credential scope', 'canonical request hash'][line - 1] ?? '';
  return (
    ['HTTP method', 'canonical URI', 'canonical query string'][line - 1] ?? 'headers, signed headers or payload hash'
  );
}

function DenialExplanation({ explanation }: { explanation: Extract<Explanation, { kind: 'iam-denial' }> }) {
  const statement = JSON.stringify(explanation.suggestedStatement, null, 2);
  return (
    <section class="explain" aria-labelledby="why">
      <h2 id="why">
        Why: {explanation.outcome === 'explicit-deny' ? 'an explicit Deny' : 'no policy allows'}{' '}
        <span class="mono">{explanation.action}</span>
      </h2>
      <p>{explanation.message}</p>
      <Fields
        rows={[
          ['Action', <span class="mono">{explanation.action}</span>],
          ['Resource', <span class="mono">{explanation.resource}</span>],
          ['Outcome', explanation.outcome],
        ]}
      />
      <h3>Policies evaluated</h3>
      {explanation.evaluated.length === 0 ? (
        <p class="muted">The caller's role has no permissions policy: every action is an implicit deny.</p>
      ) : (
        explanation.evaluated.map((policy) => <EvaluatedPolicyView key={policy.policyName} policy={policy} />)
      )}
      <h3>Statement to add</h3>
      {explanation.outcome === 'explicit-deny' ? (
        <p class="error">
          An explicit Deny decided: no Allow overrides it. Remove or narrow the deciding statement instead.
        </p>
      ) : (
        <p>Add it to the role's policy (PutRolePolicy or Terraform), and the call goes through:</p>
      )}
      <pre class="code">
        <code>{statement}</code>
      </pre>
      <CopyButton text={statement} label="Copy statement" />
    </section>
  );
}

function EvaluatedPolicyView({ policy }: { policy: EvaluatedPolicy }) {
  const raw = (policy.document as { Statement?: unknown } | undefined)?.Statement;
  const documented = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const paired = documented.length === policy.statements.length;
  return (
    <section class="policy" aria-label={`${policy.policyKind} policy ${policy.policyName}`}>
      <h4>
        {policy.policyName} <span class="badge">{policy.policyKind}</span>
      </h4>
      {policy.statements.some((s) => s.deciding) ? null : (
        <p class="muted">No statement of this policy decided the request.</p>
      )}
      <ol class="statements">
        {policy.statements.map((s, index) => (
          <li key={String(s.id)} class={s.deciding ? 'deciding' : undefined}>
            <p>
              <span class="mono">{String(s.id)}</span> {s.effect}: {s.matched ? 'matches' : 'does not match'}
              {s.deciding ? <strong class="decider"> — the deciding statement</strong> : null}
            </p>
            {paired ? <Json value={documented[index]} /> : null}
          </li>
        ))}
      </ol>
      {paired ? null : <Json value={policy.document} />}
    </section>
  );
}

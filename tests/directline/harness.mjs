// What every test needs from the bot the .NET test started (DirectLineNodeTests sets the variables).
import assert from 'node:assert/strict';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';

export const baseUrl = (process.env.CHATREPORT_URL ?? '').replace(/\/$/, '');
export const secret = process.env.CHATREPORT_DIRECTLINE_SECRET ?? '';
export const domain = `${baseUrl}/v3/directline`;
export const helpReply = process.env.CHATREPORT_HELP_REPLY ?? '';

export const missingBot = baseUrl === '' ? 'CHATREPORT_URL is not set: run these through DirectLineNodeTests (dotnet test)' : false;

const PATIENCE_MS = 20_000;

/** A token for a new conversation, minted with the secret (POST tokens/generate). */
export async function generateToken(userId) {
  const response = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } })
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** A token from the Web Chat page's endpoint: the user's private chat, or the named group. */
export async function pageToken(userId, name, group) {
  const response = await fetch(`${baseUrl}/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId, name, group })
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** Opens a DirectLine client and records everything it receives; close() ends it cleanly. */
export function connect(options) {
  const directLine = new DirectLine({ domain, pollingInterval: 200, ...options });
  const received = [];
  const waiters = new Set();
  const statuses = [];
  const activitySubscription = directLine.activity$.subscribe({
    next: activity => {
      received.push(activity);
      for (const waiter of waiters) {
        waiter();
      }
    },
    error: () => {}
  });
  const statusSubscription = directLine.connectionStatus$.subscribe(status => {
    statuses.push(status);
    for (const waiter of waiters) {
      waiter();
    }
  });

  function waitFor(predicate, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = predicate();
        if (found) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Timed out waiting for ${what}; received: ${JSON.stringify(received.map(a => [a.type, a.from?.id, a.text]))}, statuses: ${statuses}`));
      }, PATIENCE_MS);
      waiters.add(check);
      check();
    });
  }

  return {
    directLine,
    received,
    statuses,
    /** Posts through DirectLineJS and resolves with the id the server assigned. */
    post(activity) {
      return new Promise((resolve, reject) => {
        directLine.postActivity(activity).subscribe({ next: resolve, error: reject });
      });
    },
    waitForActivity(predicate, what) {
      return waitFor(() => received.find(predicate), what);
    },
    waitForStatus(status) {
      return waitFor(() => statuses.includes(status), `connection status ${ConnectionStatus[status]}`);
    },
    close() {
      activitySubscription.unsubscribe();
      statusSubscription.unsubscribe();
      directLine.end();
    }
  };
}

export { ConnectionStatus };

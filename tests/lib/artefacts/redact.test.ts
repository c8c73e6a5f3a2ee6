import { describe, expect, it } from 'vitest';
import { emptyRedactionCount, redactEvents, redactText } from '../../../src/lib/artefacts/redact.ts';

// Realistic fakes: the issuers' documented shapes (AWS's own documentation example keys, jwt.io's example token).
const SECRETS: Array<[kind: string, text: string, expected: string]> = [
	['AWS access key', 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'export AWS_ACCESS_KEY_ID=[redacted]'],
	['AWS secret key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [redacted]'],
	['GitHub token', 'cloned with ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d ok', 'cloned with [redacted] ok'],
	[
		'GitHub token',
		'GH_TOKEN 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WJ',
		'GH_TOKEN [redacted]',
	],
	['Slack token', 'bot token xoxb-799075116372-6516761222029-5DZPjN0MEQ7wjJJibaZUPgHV was posted', 'bot token [redacted] was posted'],
	['Slack webhook', 'curl https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/a1B2c3D4e5F6g7H8i9J0k1L2 -d @x', 'curl [redacted] -d @x'],
	[
		'Anthropic key',
		'ANTHROPIC_API_KEY sk-ant-api03-ORS_6ilI8ihN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwtDDb-xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8poAA',
		'ANTHROPIC_API_KEY [redacted]',
	],
	['Google API key', 'maps key AIza-799NksnRH9ucAUsdMlHUvTCQCyEZDz_Tdd in the config', 'maps key [redacted] in the config'],
	['Stripe key', 'STRIPE sk_live_YrEqmSM9wCZ7Uw9xfogoEmvn', 'STRIPE [redacted]'],
	['bearer token', 'curl -H "Authorization: Bearer 4f9d8c7b6a5e4d3c2b1a0f9e8d7c6b5a" https://api.example.com', 'curl -H "Authorization: Bearer [redacted]" https://api.example.com'],
	[
		'JWT',
		'session eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c expired',
		'session [redacted] expired',
	],
	[
		'private key',
		'key: -----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK -----END RSA PRIVATE KEY----- pasted',
		'key: [redacted] pasted',
	],
	['private key', '-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ (cut off)', '[redacted]'],
	['password', 'ran psql with password=hunter22 and PGPASSWORD: "c0rrect horse"', 'ran psql with password=[redacted] and PGPASSWORD: "[redacted]"'],
	['password', '{"client_secret": "9f8e7d6c5b4a", "db_password":\'s3cr3t!\'}', '{"client_secret": "[redacted]", "db_password":\'[redacted]\'}'],
	['connection string', 'DATABASE_URL=postgres://migrator:S3cr3t-Pa55w0rd@orders-db.internal:5432/orders', 'DATABASE_URL=postgres://[redacted]@orders-db.internal:5432/orders'],
	['connection string', 'mongodb+srv://admin:p%40ss@cluster0.example.mongodb.net/app and redis://:r3dis@cache:6379', 'mongodb+srv://[redacted]@cluster0.example.mongodb.net/app and redis://[redacted]@cache:6379'],
];

describe('redaction', () => {
	it.each(SECRETS)('redacts a %s and counts it', (kind, text, expected) => {
		const count = emptyRedactionCount();
		expect(redactText(text, count)).toBe(expected);
		expect(count.byKind[kind]).toBeGreaterThanOrEqual(1);
		expect(count.total).toBe(Object.values(count.byKind).reduce((a, b) => a + b, 0));
	});

	it('leaves ordinary incident chat alone', () => {
		const ordinary = [
			'Bearer authentication is configured on the gateway',
			'the password reset page returns 502',
			'postgres://orders-db.internal:5432/orders is the primary',
			'token expired at 02:14; see https://grafana.example.com/d/abc?orgId=1&from=now-6h',
			'Triggered #4711: CheckoutLatencyHigh: p99 latency of checkout above 5s',
			'ALTER TABLE orders ADD COLUMN fulfilment_state text NOT NULL DEFAULT \'pending\'',
			'sha 9f4c2e1a7b3d5f60718293a4b5c6d7e8f9012345 deployed',
		];
		const count = emptyRedactionCount();
		for (const text of ordinary) expect(redactText(text, count)).toBe(text);
		expect(count.total).toBe(0);
	});

	it('counts every secret in a text, and redacts actors too', () => {
		const count = emptyRedactionCount();
		const [event] = redactEvents(
			[{ at: '2026-03-10T09:00:00Z', source: 'slack', ref: 'a#1', actor: 'AKIAIOSFODNN7EXAMPLE', text: 'password=a1 and secret=b2 and AKIAIOSFODNN7EXAMPLE' }],
			count,
		);
		expect(event).toMatchObject({ actor: '[redacted]', text: 'password=[redacted] and secret=[redacted] and [redacted]' });
		expect(count).toEqual({ total: 4, byKind: { 'AWS access key': 2, password: 2 } });
	});
});

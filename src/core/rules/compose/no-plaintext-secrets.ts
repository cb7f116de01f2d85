import { isMap } from 'yaml';
import { composeServices } from '../../yaml/compose.js';
import { entries, getValue, scalarText, seqItems } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isInterpolationOnly, isSecretName, isSwitchValue } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';
import type { Node as YamlNode } from 'yaml';

type MessageId = 'plaintext';

/** One `NAME=value` of an environment, with the node to point at. */
interface Variable {
	name: string;
	value: string | undefined;
	node: YamlNode;
}

/** Reads `environment:` in map form (`NAME: value`) or list form (`- NAME=value`). */
function variables(doc: YamlDoc, environment: YamlNode | undefined): Variable[] {
	if (isMap(environment)) {
		return entries(doc, environment).map((entry) => ({
			name: entry.key,
			value: scalarText(doc, entry.value),
			node: entry.value ?? entry.keyNode,
		}));
	}
	const out: Variable[] = [];
	for (const item of seqItems(doc, environment)) {
		const text = scalarText(doc, item);
		if (text === undefined) continue;
		const eq = text.indexOf('=');
		out.push({
			name: eq < 0 ? text : text.slice(0, eq),
			value: eq < 0 ? undefined : text.slice(eq + 1),
			node: item,
		});
	}
	return out;
}

/** Tells whether a value is a literal that would put a secret into the file. */
function isPlaintext(value: string | undefined): boolean {
	if (value === undefined || value.trim() === '') return false;
	return !isInterpolationOnly(value) && !isSwitchValue(value);
}

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/no-plaintext-secrets',
	kind: 'compose',
	family: 'spin',
	severity: 'warning',
	description:
		'Passwords, tokens and keys come from secrets, not from plaintext `environment:` values.',
	messages: {
		plaintext:
			'`{name}` of service `{service}` holds a plaintext secret; anyone who can read the file can read it.',
	},
	hint: 'Store the value as a secret, mount it with `secrets:` and point the image at the file with a `…_FILE=/run/secrets/…` variable.',
	check({ doc }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			for (const variable of variables(doc, getValue(doc, service.node, 'environment'))) {
				if (!isSecretName(variable.name.trim()) || !isPlaintext(variable.value)) continue;
				reports.push({
					messageId: 'plaintext',
					range: nodeRange(doc, variable.node),
					data: { name: variable.name.trim(), service: service.name },
				});
			}
		}
		return reports;
	},
});

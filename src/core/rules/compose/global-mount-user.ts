import { composeServices, globalMounts } from '../../yaml/compose.js';
import { getValue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import { isPlaceholder, splitOutsideBraces, withDefaults } from '../../yaml/values.js';
import { defineRule, type Report } from '../../types.js';

type MessageId = 'missing' | 'root' | 'notNumeric' | 'noGroup';

/** Classifies a `user:` value: undefined when it is a non-root numeric `UID:GID` (or filled in later). */
export function userProblem(text: string): Exclude<MessageId, 'missing'> | undefined {
	if (isPlaceholder(text)) return undefined;
	const parts = splitOutsideBraces(text.trim(), ':').map((part) => withDefaults(part).trim());
	const [uid, gid] = parts;
	if (uid === undefined || /^(?:0+|root)$/.test(uid)) return 'root';
	if (parts.length !== 2 || gid === undefined || gid === '') return 'noGroup';
	for (const id of [uid, gid]) if (!isPlaceholder(id) && !/^\d+$/.test(id)) return 'notNumeric';
	return undefined;
}

export default defineRule<YamlDoc, MessageId>({
	id: 'compose/global-mount-user',
	kind: 'compose',
	family: 'spin',
	severity: 'error',
	description:
		'A service that mounts a global file system path runs as a non-root numeric `user: UID:GID`.',
	messages: {
		missing:
			'Service `{service}` mounts {path} but sets no `user:`; Spin refuses global file system mounts for root.',
		root: 'Service `{service}` mounts {path} as root; Spin needs your own non-root UID:GID here.',
		notNumeric:
			'Use numeric IDs in `user: {user}`; names resolve only if they exist inside the image.',
		noGroup: 'Give both IDs as `user: UID:GID` so files on {path} are read with your group.',
	},
	hint: 'Set `user:` to your NERSC user and group IDs as numbers (`id -u` and `id -g`), e.g. `user: "12345:67890"`.',
	check({ doc, center }) {
		const reports: Report<MessageId>[] = [];
		for (const service of composeServices(doc)) {
			const mount = globalMounts(doc, service, center.globalPathPrefix)[0];
			if (!mount) continue;
			const path = mount.source ?? center.globalPathPrefix;
			const userNode = getValue(doc, service.node, 'user');
			const user = scalarText(doc, userNode);
			if (!userNode || user === undefined) {
				reports.push({
					messageId: 'missing',
					range: nodeRange(doc, mount.node),
					data: { service: service.name, path },
				});
				continue;
			}
			const problem = userProblem(user);
			if (problem)
				reports.push({
					messageId: problem,
					range: nodeRange(doc, userNode),
					data: { service: service.name, path, user },
				});
		}
		return reports;
	},
});

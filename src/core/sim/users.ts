import { nodeAt } from './fs.js';
import type { FileNode, FileTree } from './types.js';

/** Users and groups of an image, read from its `/etc/passwd` and `/etc/group`. */

/** A resolved user: numeric ids plus the names the image knows, if any. */
export interface Identity {
	uid: number;
	gid: number;
	user: string | null;
	group: string | null;
	home: string;
	/** Supplementary group ids (`--group-add`). */
	groups?: number[];
}

interface Account {
	name: string;
	id: number;
	gid: number;
	home: string;
}

/** Reads `name:x:id:gid:…:home:shell` lines. */
function readTable(tree: FileTree, path: string): Account[] {
	const text = nodeAt(tree, path)?.content ?? '';
	const out: Account[] = [];
	for (const line of text.split('\n')) {
		const fields = line.split(':');
		const id = Number(fields[2]);
		if (!fields[0] || !Number.isInteger(id)) continue;
		out.push({ name: fields[0], id, gid: Number(fields[3]) || 0, home: fields[5] ?? '/' });
	}
	return out;
}

/** The accounts of `/etc/passwd`. */
export function passwdEntries(tree: FileTree): Account[] {
	return readTable(tree, '/etc/passwd');
}

/** The groups of `/etc/group` (`gid` is unused). */
export function groupEntries(tree: FileTree): Account[] {
	return readTable(tree, '/etc/group');
}

/** Resolves a `USER`/`--user` value (`name`, `uid`, `uid:gid`, `name:group`); a string is an error. */
export function resolveUser(tree: FileTree, spec: string): Identity | string {
	const [userPart = '', groupPart] = spec.split(':');
	const users = passwdEntries(tree);
	const groups = groupEntries(tree);
	let uid = 0;
	let account: Account | undefined;
	if (userPart === '') {
		account = users.find((u) => u.id === 0);
	} else if (/^\d+$/.test(userPart)) {
		uid = Number(userPart);
		account = users.find((u) => u.id === uid);
	} else {
		account = users.find((u) => u.name === userPart);
		if (!account) return `unable to find user ${userPart}: no matching entries in passwd file`;
		uid = account.id;
	}
	let gid = account?.gid ?? 0;
	if (groupPart !== undefined && groupPart !== '') {
		if (/^\d+$/.test(groupPart)) gid = Number(groupPart);
		else {
			const group = groups.find((g) => g.name === groupPart);
			if (!group) return `unable to find group ${groupPart}: no matching entries in group file`;
			gid = group.id;
		}
	}
	return {
		uid,
		gid,
		user: account?.name ?? null,
		group: groups.find((g) => g.id === gid)?.name ?? null,
		home: account?.home ?? '/',
	};
}

/** Formats `id` output, e.g. `uid=10001 gid=0(root) groups=0(root)`. */
export function idLine(identity: Identity): string {
	const user = identity.user ? `(${identity.user})` : '';
	const group = identity.group ? `(${identity.group})` : '';
	return `uid=${identity.uid}${user} gid=${identity.gid}${group} groups=${identity.gid}${group}`;
}

/** Tells whether an identity may read (4), write (2) or search/execute (1) a node. */
export function canAccess(node: FileNode, identity: Identity, bit: 1 | 2 | 4): boolean {
	if (identity.uid === 0) return true;
	const [uid, gid] = node.owner.split(':').map(Number);
	if (uid === identity.uid) return (node.mode & (bit << 6)) !== 0;
	if (gid === identity.gid || (identity.groups ?? []).includes(gid ?? -1))
		return (node.mode & (bit << 3)) !== 0;
	return (node.mode & bit) !== 0;
}

import type { YAMLMap } from 'yaml';
import {
	podContainers,
	podSpecs,
	storageClassNode,
	volumeClaims,
	volumeMounts,
} from '../../yaml/k8s.js';
import { getEntry, getPath, getText, getValue, isTrue, scalarText } from '../../yaml/nodes.js';
import { nodeRange, type YamlDoc } from '../../yaml/parse.js';
import type { Range } from '../../types.js';
import type { CheckOf } from '../check-args.js';
import { matchPattern } from '../pattern.js';
import { normalizePath } from './dockerfile-util.js';
import { claimTemplate, k8sFallback, podVolume } from './k8s-util.js';
import { fail, pass, type CheckEnv, type CheckResult } from './types.js';

/** What a mount lacks, in words, or null when it satisfies the check. */
function mountProblem(
	check: CheckOf<'k8s-volume'>,
	doc: YamlDoc,
	env: CheckEnv,
	mount: YAMLMap,
	volume: YAMLMap | undefined,
	template: YAMLMap | undefined
): string | null {
	const path = getText(doc, mount, 'mountPath') ?? '';
	const source = template
		? 'persistentVolumeClaim'
		: volume && getEntry(doc, volume, check.source)
			? check.source
			: null;
	if (!source) return `The volume mounted at ${path} is not a ${check.source} volume.`;
	const readOnly = isTrue(doc, getValue(doc, mount, 'readOnly'));
	if (check.readOnly === true && !readOnly)
		return `The mount at ${path} is writable: add readOnly: true.`;
	if (check.readOnly === false && readOnly) return `The mount at ${path} must be writable.`;
	if (check.source === 'hostPath') {
		const hostPath = getValue(doc, volume, 'hostPath');
		const where = getText(doc, hostPath, 'path') ?? '';
		if (check.hostPath !== undefined && !matchPattern(check.hostPath, where))
			return `The hostPath ${where} is not the directory this task asks for.`;
		if (check.hostPathType !== undefined && getText(doc, hostPath, 'type') !== check.hostPathType) {
			return `The hostPath ${where} needs type: ${check.hostPathType}.`;
		}
	}
	if (check.spinStorageClass) {
		const claimName = getPath(doc, volume, ['persistentVolumeClaim', 'claimName']);
		const name = scalarText(doc, claimName);
		const claim = template ?? volumeClaims(doc).find((c) => c.name === name)?.node;
		if (!claim) return `The claim ${name ?? ''} is not defined in this file.`;
		const cls = scalarText(doc, storageClassNode(doc, { node: claim, name, anchor: claim }));
		if (cls === undefined || !env.center.storageClasses.includes(cls)) {
			return `The claim uses storage class ${cls ?? '(default)'}; use ${env.center.storageClasses.join(' or ')}.`;
		}
	}
	return null;
}

/** Checks that some container mounts a volume of a source, with the asked properties. */
export function checkK8sVolume(
	check: CheckOf<'k8s-volume'>,
	doc: YamlDoc,
	env: CheckEnv
): CheckResult {
	const want = check.mountPath === undefined ? undefined : normalizePath(check.mountPath);
	let first: { message: string; range: Range } | null = null;
	for (const pod of podSpecs(doc)) {
		for (const container of podContainers(doc, pod)) {
			for (const mount of volumeMounts(doc, container)) {
				const path = getText(doc, mount, 'mountPath');
				if (path === undefined || (want !== undefined && normalizePath(path) !== want)) continue;
				const name = getText(doc, mount, 'name') ?? '';
				const volume = podVolume(doc, pod, name);
				const template = volume ? undefined : claimTemplate(doc, pod, name);
				const why = mountProblem(check, doc, env, mount, volume, template);
				if (!why) return pass(nodeRange(doc, mount));
				if (!volume && !template) continue;
				first ??= { message: why, range: nodeRange(doc, mount) };
			}
		}
	}
	if (first) return fail(first.message, first.range);
	const where = want === undefined ? '' : ` at ${want}`;
	return fail(`No container mounts a ${check.source} volume${where}.`, k8sFallback(doc));
}

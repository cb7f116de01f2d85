import { z } from 'zod';

/**
 * Spin's facts as data (`content/center.yaml`). Validators and prose read the same values, so a
 * change in Spin's policy is one edit. Every field comes from NERSC's public Spin documentation.
 */
export const CenterSchema = z
	.object({
		/** Name of the platform, e.g. "Spin". */
		platform: z.string().min(1),
		/** Container registries. */
		registries: z
			.object({
				/** The current NERSC registry host (Harbor), e.g. registry.nersc.gov. */
				nersc: z.string().min(1),
				/** The Rancher 1 era registry host, kept for history asides. */
				legacy: z.string().min(1),
				/** Pattern of a pushed image name; `{project}`, `{user}`, `{image}`, `{tag}` placeholders. */
				imagePattern: z.string().min(1),
				/** Registry hosts a base image or workload image may come from without a warning. */
				allowed: z.array(z.string().min(1)).min(1),
				/** Name of the pull secret for private images from the NERSC registry. */
				pullSecret: z.string().min(1),
			})
			.strict(),
		/** Kubernetes clusters a project can deploy to. */
		clusters: z.array(z.string().min(1)).min(1),
		/** Kernel capabilities. */
		capabilities: z
			.object({
				/** Capabilities a container may add after dropping ALL. */
				allowed: z.array(z.string().regex(/^[A-Z_]+$/)).min(1),
				/** Capabilities still allowed when a global file system path is mounted. */
				allowedWithGlobalMount: z.array(z.string().regex(/^[A-Z_]+$/)),
			})
			.strict(),
		/** Ports. */
		ports: z
			.object({
				/** Container ports must be above this so NET_BIND_SERVICE can be dropped. */
				unprivilegedAbove: z.number().int().positive(),
				/** Host ports a Rancher 1 stack could publish, by audience. */
				legacyPublished: z.record(
					z.array(z.union([z.number().int(), z.tuple([z.number().int(), z.number().int()])]))
				),
			})
			.strict(),
		/** Storage classes for persistent volume claims. */
		storageClasses: z.array(z.string().min(1)).min(1),
		/** Path prefix of the NERSC global file systems. */
		globalPathPrefix: z.string().startsWith('/'),
		/** DNS name patterns with `{placeholders}`. */
		dns: z
			.object({
				/** Ingress host given by Spin. */
				ingress: z.string().min(1),
				/** Host name of a Layer-4 load balancer service. */
				loadBalancer: z.string().min(1),
				/** Rancher 1 era service name. */
				legacy: z.string().min(1),
				/** How long a new DNS name may take to appear, in words. */
				propagation: z.string().min(1),
			})
			.strict(),
		/** Where graduates send a completion bundle. */
		completion: z
			.object({
				/** Who receives bundles. */
				recipient: z.string().min(1),
				/** How to send it, in one or two sentences. */
				instructions: z.string().min(1),
			})
			.strict(),
	})
	.strict();

/** Parsed center data. */
export type Center = z.output<typeof CenterSchema>;
/** Center data as written in YAML. */
export type CenterInput = z.input<typeof CenterSchema>;

import { formatMinutes, pace } from '../core/present/pacing.js';
import { clampSlide, pressKey, slideFromHash, type DeckState } from '../core/present/keys.js';

/** Messages between windows of the same deck. */
type DeckMessage =
	| { type: 'hello' }
	| { type: 'state'; index: number; blackout: boolean }
	| { type: 'goto'; index: number; blackout: boolean };

/** Timer state kept per tab, so a reload keeps the elapsed time. */
interface TimerState {
	running: boolean;
	/** Milliseconds counted before the current run. */
	accumulated: number;
	/** `Date.now()` when the current run started. */
	startedAt: number;
}

const STAGE_W = 1280;
const STAGE_H = 720;

/** Drives one deck page (audience or presenter view). */
export class DeckController {
	private readonly _root: HTMLElement;
	private readonly _view: 'audience' | 'presenter';
	private readonly _slides: HTMLElement[];
	private readonly _controls: HTMLElement;
	private readonly _channel: BroadcastChannel | null;
	private _state: DeckState;
	private _timer: TimerState;
	private _notesWindow: Window | null = null;

	constructor(root: HTMLElement) {
		this._root = root;
		this._view =
			document.documentElement.dataset['view'] === 'presenter' ? 'presenter' : 'audience';
		this._slides = [
			...root.querySelectorAll<HTMLElement>(
				'[data-viewport="current"] .slide, main > .deck-stage > .slide'
			),
		];
		this._controls = root.querySelector<HTMLElement>('.deck-controls') ?? root;
		const total = this._slides.length;
		this._state = {
			index: clampSlide(slideFromHash(location.hash) ?? 1, total),
			total,
			blackout: false,
			overview: false,
			goto: null,
		};
		this._channel =
			'BroadcastChannel' in window
				? new BroadcastChannel(`spinup-deck:${root.dataset['slug']}`)
				: null;
		this._timer = this._loadTimer();
	}

	/** Wires events and shows the first slide. */
	start(): void {
		if (new URLSearchParams(location.search).has('notes'))
			document.documentElement.classList.add('notes-only');
		document.addEventListener('keydown', (e) => this._onKey(e));
		window.addEventListener('hashchange', () => {
			const n = slideFromHash(location.hash);
			if (n !== null) this._go({ ...this._state, index: clampSlide(n, this._state.total) }, true);
		});
		window.addEventListener('resize', () => this._layout());
		this._controls.querySelectorAll<HTMLButtonElement>('[data-goto]').forEach((b) =>
			b.addEventListener('click', () => {
				this._go({ ...this._state, index: Number(b.dataset['goto']), overview: false }, true);
			})
		);
		this._controls
			.querySelectorAll<HTMLButtonElement>('[data-action]')
			.forEach((b) => b.addEventListener('click', () => this._act(b.dataset['action'] ?? '')));
		this._overview()?.addEventListener('close', () => {
			if (this._state.overview) this._state = { ...this._state, overview: false };
		});
		if (this._channel) {
			this._channel.onmessage = (e: MessageEvent<DeckMessage>) => this._onMessage(e.data);
			this._channel.postMessage({ type: 'hello' } satisfies DeckMessage);
		}
		this._render();
		this._layout();
		if (this._view === 'presenter') window.setInterval(() => this._tick(), 1000);
		this._tick();
	}

	/** Handles a key press unless the learner is typing in a field. */
	private _onKey(e: KeyboardEvent): void {
		if (e.ctrlKey || e.metaKey || e.altKey) return;
		if ((e.target as HTMLElement | null)?.closest('input, textarea, select')) return;
		if (this._help()?.open) return;
		const { state, effect, handled } = pressKey(this._state, e.key);
		if (!handled) return;
		e.preventDefault();
		if (effect) this._act(effect);
		this._go(state, state.index !== this._state.index || state.blackout !== this._state.blackout);
	}

	/** Performs a toolbar action or a key's side effect. */
	private _act(action: string): void {
		if (action === 'fullscreen') {
			if (document.fullscreenElement) void document.exitFullscreen();
			else void document.documentElement.requestFullscreen().catch(() => undefined);
		} else if (action === 'timer') this._toggleTimer();
		else if (action === 'help') this._help()?.showModal();
		else if (action === 'overview')
			this._go({ ...this._state, overview: !this._state.overview }, false);
		else if (action === 'presenter') {
			window.open(
				`${this._controls.dataset['presenterUrl'] ?? ''}#${this._state.index}`,
				'spinup-presenter'
			);
		} else if (action === 'notes') void this._openNotes();
	}

	/** Moves to a new state, optionally telling the other windows. */
	private _go(state: DeckState, broadcast: boolean): void {
		this._state = state;
		this._render();
		if (broadcast) this._post('goto');
	}

	/** Sends the current position to other windows. */
	private _post(type: 'goto' | 'state'): void {
		this._channel?.postMessage({
			type,
			index: this._state.index,
			blackout: this._state.blackout,
		} satisfies DeckMessage);
	}

	/** Follows another window; answers a newcomer with the current position. */
	private _onMessage(message: DeckMessage): void {
		if (message.type === 'hello') this._post('state');
		else
			this._go(
				{
					...this._state,
					index: clampSlide(message.index, this._state.total),
					blackout: message.blackout,
				},
				false
			);
	}

	/** Shows the current slide and updates the counter, hash, preview, notes and QR code. */
	private _render(): void {
		const { index, total, blackout, overview } = this._state;
		this._slides.forEach((s, i) => s.classList.toggle('current', i + 1 === index));
		const hash = `#${index}`;
		if (location.hash !== hash) history.replaceState(null, '', hash);
		const counter = this._controls.querySelector('[data-counter-text]');
		if (counter)
			counter.textContent = (this._controls.dataset['counter'] ?? '')
				.replace('{n}', String(index))
				.replace('{total}', String(total));
		const black = this._controls.querySelector<HTMLElement>('[data-blackout]');
		if (black) black.hidden = !blackout;
		const dialog = this._overview();
		if (dialog) {
			if (overview && !dialog.open) dialog.showModal();
			if (!overview && dialog.open) dialog.close();
			dialog
				.querySelectorAll('[data-goto]')
				.forEach((b) =>
					b.setAttribute(
						'aria-current',
						String(Number((b as HTMLElement).dataset['goto']) === index)
					)
				);
			if (overview) dialog.querySelector<HTMLElement>(`[data-goto="${index}"]`)?.focus();
		}
		this._renderNotes(this._root.ownerDocument);
		if (this._notesWindow && !this._notesWindow.closed)
			this._renderNotes(this._notesWindow.document);
		this._renderNext();
		this._fit(this._slides[index - 1]);
		void this._qr(this._slides[index - 1]);
		this._tick();
	}

	/** Shows only the current slide's notes in a document. */
	private _renderNotes(doc: Document): void {
		doc.querySelectorAll<HTMLElement>('[data-notes-for]').forEach((n) => {
			n.hidden = Number(n.dataset['notesFor']) !== this._state.index;
		});
	}

	/** Puts a copy of the next slide in the presenter's preview. */
	private _renderNext(): void {
		const viewport = this._root.querySelector<HTMLElement>('[data-viewport="next"]');
		if (!viewport) return;
		const next = this._slides[this._state.index];
		viewport.replaceChildren();
		if (!next) {
			const end = document.createElement('p');
			end.className = 'notes-body';
			end.textContent = viewport.dataset['end'] ?? '';
			viewport.append(end);
			return;
		}
		const stage = document.createElement('div');
		stage.className = 'deck-stage';
		stage.setAttribute('aria-hidden', 'true');
		stage.inert = true;
		const copy = next.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
		copy.removeAttribute('id');
		copy.querySelectorAll('h1, h2, h3').forEach((h) => h.setAttribute('role', 'presentation'));
		copy.classList.add('current');
		stage.append(copy);
		viewport.append(stage);
		this._scale(stage, viewport);
		this._fit(copy);
	}

	/** Scales every stage to its container. */
	private _layout(): void {
		const current = this._root.querySelector<HTMLElement>('[data-viewport="current"]');
		const stage = this._root.querySelector<HTMLElement>('[data-stage]');
		if (stage) this._scale(stage, current ?? document.documentElement);
		this._renderNext();
		this._fit(this._slides[this._state.index - 1]);
	}

	/** Scales a 1280×720 stage to fit inside a box, centred. */
	private _scale(stage: HTMLElement, box: HTMLElement): void {
		const width = box === document.documentElement ? window.innerWidth : box.clientWidth;
		const height = box === document.documentElement ? window.innerHeight : box.clientHeight;
		const scale = Math.max(0.1, Math.min(width / STAGE_W, height / STAGE_H));
		const left = Math.max(0, (width - STAGE_W * scale) / 2);
		const top = Math.max(0, (height - STAGE_H * scale) / 2);
		stage.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
	}

	/** Shrinks a slide's type until its content fits the stage. */
	private _fit(slide: HTMLElement | undefined): void {
		if (!slide) return;
		slide.style.fontSize = '';
		let size = 28;
		while (slide.scrollHeight > slide.clientHeight + 1 && size > 14) {
			size -= 2;
			slide.style.fontSize = `${size}px`;
		}
	}

	/** Draws the QR code of the current slide's chapter link, loading the encoder on first use. */
	private async _qr(slide: HTMLElement | undefined): Promise<void> {
		const holder = slide?.querySelector<HTMLElement>('[data-qr]');
		const link = slide?.querySelector<HTMLAnchorElement>('.follow-link');
		if (!holder || !link || holder.dataset['done']) return;
		holder.dataset['done'] = '1';
		try {
			const { renderSVG } = await import('uqr');
			holder.innerHTML = renderSVG(link.href, { border: 1 });
			holder.querySelector('svg')?.setAttribute('aria-hidden', 'true');
		} catch {
			delete holder.dataset['done'];
		}
	}

	/** Reads the timer of this deck from session storage. */
	private _loadTimer(): TimerState {
		try {
			const raw = sessionStorage.getItem(`spinup:timer:${this._root.dataset['slug']}`);
			if (raw) return JSON.parse(raw) as TimerState;
		} catch {
			// A missing or broken timer starts again from zero.
		}
		return { running: false, accumulated: 0, startedAt: 0 };
	}

	/** Starts or pauses the timer. */
	private _toggleTimer(): void {
		const now = Date.now();
		this._timer = this._timer.running
			? {
					running: false,
					accumulated: this._timer.accumulated + now - this._timer.startedAt,
					startedAt: 0,
				}
			: { running: true, accumulated: this._timer.accumulated, startedAt: now };
		try {
			sessionStorage.setItem(
				`spinup:timer:${this._root.dataset['slug']}`,
				JSON.stringify(this._timer)
			);
		} catch {
			// The timer still runs in this page.
		}
		this._tick();
	}

	/** Updates the clock, elapsed time, plan and pacing hint. */
	private _tick(): void {
		const status = this._root.querySelector<HTMLElement>('[data-status]');
		if (!status) return;
		const now = new Date();
		const ms =
			this._timer.accumulated + (this._timer.running ? Date.now() - this._timer.startedAt : 0);
		const elapsed = ms / 60000;
		const plan = this._slides.map((s) => Number(s.dataset['plannedEnd'] ?? 0));
		const p = pace(plan, this._state.index - 1, elapsed);
		const set = (sel: string, text: string): void => {
			const el = status.querySelector(sel);
			if (el) el.textContent = text;
		};
		set('[data-clock]', now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
		set('[data-elapsed]', formatMinutes(elapsed));
		set('[data-plan]', `${formatMinutes(p.plannedStart)}–${formatMinutes(p.plannedEnd)}`);
		const labels = this._controls.dataset;
		const hint = status.querySelector<HTMLElement>('[data-pace]');
		if (!hint) return;
		const text =
			!this._timer.running && ms === 0
				? (labels['paused'] ?? '')
				: p.status === 'on-time'
					? (labels['onTime'] ?? '')
					: (labels[p.status] ?? '').replace('{time}', formatMinutes(Math.abs(p.drift)));
		if (hint.textContent !== text) hint.textContent = text;
		hint.className = `pace-${p.status}`;
	}

	/** Moves the notes into a picture-in-picture window, or a small popup where there is none. */
	private async _openNotes(): Promise<void> {
		const pip = (
			window as unknown as {
				documentPictureInPicture?: { requestWindow(o: object): Promise<Window> };
			}
		).documentPictureInPicture;
		const url = `${this._controls.dataset['presenterUrl'] ?? ''}?notes=1#${this._state.index}`;
		if (!pip) {
			window.open(url, 'spinup-notes', 'popup,width=460,height=640');
			return;
		}
		try {
			const html = await (await fetch(url)).text();
			const source = new DOMParser().parseFromString(html, 'text/html');
			const pane = source.querySelector('[data-notes-pane]');
			const win = await pip.requestWindow({ width: 460, height: 640 });
			document
				.querySelectorAll('style, link[rel="stylesheet"]')
				.forEach((s) => win.document.head.append(s.cloneNode(true)));
			win.document.documentElement.lang = 'en';
			win.document.documentElement.dataset['theme'] =
				document.documentElement.dataset['theme'] ?? 'light';
			if (pane) win.document.body.append(win.document.importNode(pane, true));
			this._notesWindow = win;
			this._renderNotes(win.document);
		} catch {
			window.open(url, 'spinup-notes', 'popup,width=460,height=640');
		}
	}

	/** The overview dialog. */
	private _overview(): HTMLDialogElement | null {
		return this._controls.querySelector('[data-overview]');
	}

	/** The keyboard help dialog. */
	private _help(): HTMLDialogElement | null {
		return this._controls.querySelector('[data-help]');
	}
}

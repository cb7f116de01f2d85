/** A video poster that creates the privacy-enhanced player only when the learner asks. */
class LazyVideo extends HTMLElement {
	connectedCallback(): void {
		this.querySelector('.poster')?.addEventListener('click', () => this.play(0));
		this.closest('figure')
			?.querySelectorAll<HTMLButtonElement>('.seek')
			.forEach((b) => b.addEventListener('click', () => this.play(Number(b.dataset['start']))));
	}
	/** Replaces the poster with the player, starting at `start` seconds. */
	play(start: number): void {
		if (!navigator.onLine) {
			const note = document.createElement('p');
			note.className = 'offline-note';
			note.setAttribute('role', 'status');
			note.textContent = this.dataset['offline'] ?? '';
			this.querySelector('.offline-note')?.remove();
			this.append(note);
			return;
		}
		const url = new URL(this.dataset['src'] ?? '');
		if (start > 0) url.searchParams.set('start', String(start));
		const frame = document.createElement('iframe');
		frame.src = url.toString();
		frame.title = this.dataset['frameTitle'] ?? '';
		frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
		frame.referrerPolicy = 'strict-origin-when-cross-origin';
		frame.allowFullscreen = true;
		this.replaceChildren(frame);
		frame.focus();
	}
}
customElements.define('lazy-video', LazyVideo);

// An AudioWorklet tapped onto everything an AudioContext sends to its output: it reports, in
// audio-context time, the first non-zero sample after silence (`reports`), and whether the output
// is silent now (`quiet`: at least 4096 zero samples, ~93 ms, since the last sound; it starts
// false, so "quiet" is always something the worklet heard, never an assumption), and the
// loudest sample heard so far (`peak`, absolute value). Each onset is also mapped to the time
// it leaves for the speaker on the page's clock (`outs`, performance.now() milliseconds, from
// `getOutputTimestamp()` read when the report arrives), and a capturing pointerdown listener
// keeps each tap's `event.timeStamp` on that clock (`tapsAt`). A capturing
// pointerdown listener notes the context's time at each tap. Injected with `addInitScript` into
// a context made with `bypassCSP` (the app's CSP rightly refuses a worklet from a blob: URL).
// Shared by the music test (every tap is heard) and the B3 benchmark (how soon).
export const PROBE = `(() => {
  const b3 = (window.__b3 = { ctx: null, reports: [], downs: [], quiet: false, peak: 0, outs: [], tapsAt: [] });
  const worklet = \`class Tap extends AudioWorkletProcessor {
    // zeros: silent samples since the last sound, the start counting as silence (a sound in
    // the first quantum is an onset); heard: the same, counted only from what came through,
    // so "quiet" is reported only after ~93 ms of real silence.
    constructor() { super(); this.zeros = 1e9; this.heard = 0; this.quiet = false; this.peak = 0; }
    process(inputs) {
      const ch = inputs[0] && inputs[0][0];
      const peak = this.peak;
      if (ch) for (let i = 0; i < ch.length; i++) {
        if (Math.abs(ch[i]) > this.peak) this.peak = Math.abs(ch[i]);
        if (ch[i] !== 0) {
          if (this.zeros >= 4096) this.port.postMessage({ sound: (currentFrame + i) / sampleRate });
          this.zeros = 0;
          this.heard = 0;
          this.quiet = false;
        } else { this.zeros++; this.heard++; }
      } else { this.zeros += 128; this.heard += 128; }
      if (this.peak > peak) this.port.postMessage({ peak: this.peak });
      if (!this.quiet && this.heard >= 4096) { this.quiet = true; this.port.postMessage({ quiet: true }); }
      return true;
    }
  }
  registerProcessor("b3-tap", Tap);\`;
  const Orig = window.AudioContext;
  const connect = AudioNode.prototype.connect;
  window.AudioContext = class extends Orig {
    constructor(o) {
      super(o);
      b3.ctx = this;
      this.__pending = [];
      const url = URL.createObjectURL(new Blob([worklet], { type: "application/javascript" }));
      this.audioWorklet.addModule(url).then(() => {
        const tap = new AudioWorkletNode(this, "b3-tap");
        tap.port.onmessage = (e) => {
          if (e.data.peak !== undefined) b3.peak = e.data.peak;
          else if (e.data.quiet) b3.quiet = true;
          else {
            b3.quiet = false;
            b3.reports.push(e.data.sound);
            const ts = this.getOutputTimestamp ? this.getOutputTimestamp() : null;
            if (ts && ts.performanceTime > 0) b3.outs.push(ts.performanceTime + (e.data.sound - ts.contextTime) * 1000);
          }
        };
        connect.call(tap, this.destination);
        this.__tap = tap;
        for (const n of this.__pending) connect.call(n, tap);
      });
    }
  };
  AudioNode.prototype.connect = function (dest, ...rest) {
    const r = connect.call(this, dest, ...rest);
    if (dest instanceof AudioDestinationNode && this.context === b3.ctx) {
      if (this.context.__tap) connect.call(this, this.context.__tap); else this.context.__pending.push(this);
    }
    return r;
  };
  window.addEventListener("pointerdown", (e) => {
    if (b3.ctx) b3.downs.push(b3.ctx.currentTime);
    b3.tapsAt.push(e.timeStamp);
  }, true);
})();`;

// Opens a page on the service's origin in headless Chromium (DevTools protocol), adds the bearer token to every
// request (a <video> element cannot send one itself), loads an attachment's content in a <video> element, seeks
// near its end, and prints what the element and the network saw. Run by bench/video-seek.sh.
// Arguments: DevTools port, service base URL, content path, access token, seconds to seek to.
const [,, debugPort, base, contentPath, token, seekTo] = process.argv;
const targets = await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json();
const page = targets.find(t => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise(r => ws.addEventListener('open', r));
let id = 0; const pending = new Map(); const events = [];
ws.addEventListener('message', m => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  else events.push(msg);
});
const send = (method, params = {}) => new Promise(r => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({id: i, method, params})); });
await send('Network.enable');
await send('Network.setExtraHTTPHeaders', {headers: {Authorization: `Bearer ${token}`}});
await send('Page.enable');
await send('Page.navigate', {url: `${base}/health`});
await new Promise(r => setTimeout(r, 1500));
const script = `new Promise((resolve) => {
  const v = document.createElement('video'); v.muted = true; v.preload = 'auto';
  const log = [];
  v.addEventListener('error', () => resolve({error: v.error && v.error.code, log}));
  v.addEventListener('loadedmetadata', () => { log.push('metadata ' + v.duration); v.currentTime = ${Number(seekTo)}; });
  v.addEventListener('seeked', () => { log.push('seeked ' + v.currentTime);
    resolve({duration: v.duration, currentTime: v.currentTime, readyState: v.readyState,
             seekable: v.seekable.length ? [v.seekable.start(0), v.seekable.end(0)] : [], log}); });
  v.src = '${contentPath}'; document.body.appendChild(v);
  setTimeout(() => resolve({timeout: true, readyState: v.readyState, log}), 15000);
})`;
const result = await send('Runtime.evaluate', {expression: script, awaitPromise: true, returnByValue: true});
console.log('video:', JSON.stringify(result.result.result.value));
const requests = new Map();
for (const e of events) {
  if (e.method === 'Network.requestWillBeSent' && e.params.request.url.includes('/content')) requests.set(e.params.requestId, {range: e.params.request.headers.Range});
  if (e.method === 'Network.requestWillBeSentExtraInfo' && requests.has(e.params.requestId)) requests.get(e.params.requestId).range ??= e.params.headers.Range || e.params.headers.range;
  if (e.method === 'Network.responseReceived' && requests.has(e.params.requestId)) Object.assign(requests.get(e.params.requestId), {status: e.params.response.status, contentRange: e.params.response.headers['Content-Range'] || e.params.response.headers['content-range']});
}
console.log('requests:', JSON.stringify([...requests.values()]));
ws.close();
process.exit(0);

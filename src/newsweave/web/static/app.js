// newsweave UI: refresh the story list in place, and send story edits with the bearer token.
// No text from a source is ever inserted as HTML here: fragments come from this server's
// escaped templates, and messages are set with textContent.
"use strict";

function refreshStories() {
  const rows = document.getElementById("story-rows");
  if (!rows) return;
  fetch("/fragments/stories" + window.location.search, { headers: { Accept: "text/html" } })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))
    .then((html) => { rows.innerHTML = html; })
    .catch(() => {});
}

function token() {
  const input = document.getElementById("token");
  const value = input ? input.value.trim() : "";
  if (value) sessionStorage.setItem("newsweave-token", value);
  return value || sessionStorage.getItem("newsweave-token") || "";
}

function say(message, isError) {
  const el = document.getElementById("edit-status");
  if (!el) return;
  el.textContent = message;
  el.className = isError ? "small error" : "small";
}

function post(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + token() },
    body: JSON.stringify(body),
  }).then((r) => r.json().then((data) => {
    if (!r.ok) throw new Error(data.error || r.statusText);
    return data;
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  const refresh = document.getElementById("refresh");
  if (refresh) {
    refresh.addEventListener("click", refreshStories);
    const every = Number(refresh.dataset.auto || 0);
    if (every > 0) setInterval(refreshStories, every * 1000);
  }
  const saved = sessionStorage.getItem("newsweave-token");
  const input = document.getElementById("token");
  if (input && saved) input.value = saved;

  const split = document.getElementById("split-button");
  if (split) split.addEventListener("click", () => {
    const picked = Array.from(document.querySelectorAll("#split-form input[name=article]:checked")).map((x) => x.value);
    if (!picked.length) return say("Select the articles to move first.", true);
    post(`/api/stories/${split.dataset.story}/split`, { articles: picked })
      .then((story) => { window.location.href = `/stories/${story.id}`; })
      .catch((e) => say(e.message, true));
  });
  const merge = document.getElementById("merge-button");
  if (merge) merge.addEventListener("click", () => {
    const absorb = Number(document.getElementById("absorb").value);
    if (!Number.isInteger(absorb)) return say("Give the number of the story to merge in.", true);
    post("/api/stories/merge", { keep: Number(merge.dataset.story), absorb: absorb })
      .then((story) => { window.location.href = `/stories/${story.id}`; })
      .catch((e) => say(e.message, true));
  });
});

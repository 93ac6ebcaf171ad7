// UI wiring for the demo page. Every rule, message, EIC check character and PATCH body comes
// from the brp-customer-patch package. This file only reads the form, calls the package and
// shows what it returns next to the fields.
import { countOf, translate, translatePage } from "./i18n.js";
import { escapePointerKey, renderJson, unescapePointerKey } from "./json-view.js";

const $ = (selector) => document.querySelector(selector);

const elements = {
  locale: $("#locale"),
  status: $("#status"),
  customerId: $("#customer-id"),
  reset: $("#reset"),
  customerJson: $("#customer-json"),
  loadCustomer: $("#load-customer"),
  loadMessage: $("#load-message"),
  tabs: [$("#tab-form"), $("#tab-raw")],
  statusInput: $("#status-input"),
  eicInput: $("#eic-input"),
  eicCheck: $("#eic-check"),
  tsoInput: $("#tso-input"),
  metadataRows: $("#metadata-rows"),
  metadataEmpty: $("#metadata-empty"),
  addRow: $("#add-row"),
  rawPatch: $("#raw-patch"),
  rawFromForm: $("#raw-from-form"),
  rawMessages: $("#raw-messages"),
  rawView: $("#raw-view"),
  patchOutput: $("#patch-output"),
  result: $("#result"),
  resultNote: $("#result-note"),
  removedKeys: $("#removed-keys"),
  curl: $("#curl"),
  copyCurl: $("#copy-curl"),
  copyMessage: $("#copy-message"),
};

/** Message containers of the form's fields, by the JSON Pointer their issues carry. */
const fieldMessages = {
  "/status": $("#status-messages"),
  "/balance_group/eic": $("#eic-messages"),
  "/balance_group/tso": $("#tso-messages"),
  "/balance_group": $("#group-messages"),
  "/metadata": $("#metadata-messages"),
};
const formMessages = $("#form-messages");

/** The inputs whose `aria-invalid` follows the errors at a pointer. */
const fieldInputs = {
  "/status": elements.statusInput,
  "/balance_group/eic": elements.eicInput,
  "/balance_group/tso": elements.tsoInput,
};

// NOTE: placeholder host; the page does not know the real API's address.
const API_BASE_URL = "https://brp-api.example.com";

const state = {
  api: null,
  locale: "en",
  customer: null,
  tab: "form",
  nextRowId: 1,
  statuses: [],
  tsos: [],
};

const t = (key, values) => translate(state.locale, key, values);

/**
 * Returns the values the package accepts for an enum field, read from the `options` parameter
 * of the issue it reports for an empty string, so that the page contains no list of its own.
 */
function allowedValues(patch, pointer) {
  const { errors } = state.api.validatePatch(patch);
  const issue = errors.find((candidate) => candidate.pointer === pointer && candidate.code === "invalid_enum_value");
  return issue?.params?.options ?? [];
}

function fillSelect(select, values, selected, unsetKey) {
  const options = [];
  if (selected === undefined || !values.includes(selected)) {
    const unset = document.createElement("option");
    unset.value = selected ?? "";
    unset.textContent = selected ? selected : t(unsetKey);
    options.push(unset);
  }
  for (const value of values) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = value;
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = selected ?? "";
}

// --- Metadata table -------------------------------------------------------------------------

function metadataRows() {
  return [...elements.metadataRows.querySelectorAll("tr.metadata-row")];
}

function addMetadataRow(key = "", value = "") {
  const id = state.nextRowId++;
  const row = document.createElement("tr");
  row.className = "metadata-row";
  row.dataset.rowId = String(id);

  const keyCell = document.createElement("td");
  const keyInput = document.createElement("input");
  keyInput.id = `metadata-key-${id}`;
  keyInput.className = "metadata-key mono";
  keyInput.value = key;
  keyInput.autocomplete = "off";
  keyInput.spellcheck = false;
  keyCell.append(keyInput);

  const valueCell = document.createElement("td");
  const valueInput = document.createElement("input");
  valueInput.id = `metadata-value-${id}`;
  valueInput.className = "metadata-value";
  valueInput.value = value;
  valueInput.autocomplete = "off";
  valueCell.append(valueInput);

  const actionCell = document.createElement("td");
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove-row";
  actionCell.append(remove);

  // The messages sit in a row of their own below the inputs, so they can use the full width.
  const messageRow = document.createElement("tr");
  messageRow.className = "metadata-message-row";
  const messageCell = document.createElement("td");
  messageCell.colSpan = 3;
  const messages = document.createElement("div");
  messages.id = `metadata-messages-${id}`;
  messages.className = "messages";
  messageCell.append(messages);
  messageRow.append(messageCell);
  keyInput.setAttribute("aria-describedby", messages.id);
  valueInput.setAttribute("aria-describedby", messages.id);

  remove.addEventListener("click", () => {
    const next = messageRow.nextElementSibling?.querySelector("input") ?? elements.addRow;
    row.remove();
    messageRow.remove();
    labelMetadataRows();
    update();
    next.focus();
  });

  row.append(keyCell, valueCell, actionCell);
  elements.metadataRows.append(row, messageRow);
  labelMetadataRows();
  return row;
}

/** Numbers the rows' accessible names, which change when a row is removed or the locale changes. */
function labelMetadataRows() {
  const rows = metadataRows();
  rows.forEach((row, index) => {
    const number = index + 1;
    row.querySelector(".metadata-key").setAttribute("aria-label", t("metadataKeyOfRow", { row: number }));
    row.querySelector(".metadata-value").setAttribute("aria-label", t("metadataValueOfRow", { row: number }));
    const remove = row.querySelector(".remove-row");
    remove.textContent = t("removeRow");
    remove.setAttribute("aria-label", t("removeRowLabel", { row: number }));
  });
  elements.metadataEmpty.hidden = rows.length > 0;
}

function messagesOfRow(row) {
  return row.nextElementSibling.querySelector(".messages");
}

// --- Customer and form ----------------------------------------------------------------------

function loadCustomer(customer) {
  state.customer = customer;
  elements.customerId.textContent = typeof customer.id === "string" ? customer.id : "";
  elements.customerJson.value = JSON.stringify(customer, null, 2);

  fillSelect(elements.statusInput, state.statuses, customer.status, "statusUnset");
  const group = customer.balance_group ?? {};
  elements.eicInput.value = typeof group.eic === "string" ? group.eic : "";
  fillSelect(elements.tsoInput, state.tsos, group.tso, "tsoUnset");

  elements.metadataRows.replaceChildren();
  const metadata = customer.metadata && typeof customer.metadata === "object" ? customer.metadata : {};
  for (const [key, value] of Object.entries(metadata)) {
    addMetadataRow(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  labelMetadataRows();
  update();
}

/** Builds the edited customer: a copy of the loaded one with the form's values. */
function editedCustomer() {
  const original = state.customer;
  const edited = structuredClone(original);

  const status = elements.statusInput.value;
  if (status === "") {
    delete edited.status;
  } else {
    edited.status = status;
  }

  const eic = elements.eicInput.value;
  const tso = elements.tsoInput.value;
  if ("balance_group" in original || eic !== "" || tso !== "") {
    edited.balance_group = { eic, tso };
  }

  // Object.fromEntries defines own properties, so a `__proto__` key stays an ordinary key.
  const entries = metadataRows().map((row) => [row.querySelector(".metadata-key").value, row.querySelector(".metadata-value").value]);
  if ("metadata" in original || entries.length > 0) {
    edited.metadata = Object.fromEntries(entries);
  }
  return edited;
}

// --- Issues ---------------------------------------------------------------------------------

/** Builds one message: severity, text and the API's code. */
function renderIssue(issue) {
  const item = document.createElement("p");
  item.className = `issue issue-${issue.severity}`;
  item.dataset.code = issue.code;
  item.dataset.pointer = issue.pointer;
  item.lang = state.locale;

  const severity = document.createElement("strong");
  severity.className = "severity";
  severity.textContent = `${t(issue.severity)}: `;

  const code = document.createElement("code");
  code.className = "code";
  code.textContent = issue.code;

  item.append(severity, issue.message, " ", code);
  return item;
}

/** Returns the message container for an issue at `pointer`: a field, a metadata row, or the form. */
function messagesFor(pointer) {
  if (fieldMessages[pointer]) {
    return fieldMessages[pointer];
  }
  if (pointer.startsWith("/metadata/")) {
    const key = unescapePointerKey(pointer.slice("/metadata/".length));
    const row = metadataRows().findLast((candidate) => candidate.querySelector(".metadata-key").value === key);
    if (row) {
      return messagesOfRow(row);
    }
  }
  return formMessages;
}

function showFieldIssues(issues) {
  for (const container of document.querySelectorAll("#panel-form .messages")) {
    container.replaceChildren();
  }
  for (const input of document.querySelectorAll("#panel-form [aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }

  for (const issue of issues) {
    messagesFor(issue.pointer).append(renderIssue(issue));
    if (issue.severity !== "error") {
      continue;
    }
    const input = fieldInputs[issue.pointer];
    if (input) {
      input.setAttribute("aria-invalid", "true");
    }
  }

  // Two rows with one key collapse into one member of the edited object.
  const seen = new Map();
  for (const row of metadataRows()) {
    const key = row.querySelector(".metadata-key").value;
    if (seen.has(key)) {
      const note = document.createElement("p");
      note.className = "issue issue-note";
      note.textContent = t("duplicateKey", { key });
      messagesOfRow(seen.get(key)).append(note);
    }
    seen.set(key, row);
  }
  for (const row of metadataRows()) {
    const hasError = messagesOfRow(row).querySelector(".issue-error") !== null;
    for (const input of row.querySelectorAll("input")) {
      input.toggleAttribute("aria-invalid", hasError);
    }
  }
}

/** Shows the check character the package computes for the EIC, when the typed one is wrong. */
function showEicCheck() {
  const eic = elements.eicInput.value;
  const check = eic === "" ? null : state.api.checkEic(eic, { locale: state.locale });
  const expected = check?.expectedCheckCharacter;
  if (!expected || check.valid) {
    elements.eicCheck.hidden = true;
    return;
  }
  const code = `${eic.slice(0, 15)}${expected}`;
  const isComplete = expected !== "-" && state.api.checkEic(code).valid;
  elements.eicCheck.textContent = isComplete ? t("eicExpectedComplete", { expected, code }) : t("eicExpected", { expected });
  elements.eicCheck.hidden = false;
}

// --- Outputs --------------------------------------------------------------------------------

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function curlCommand(patch) {
  const id = typeof state.customer.id === "string" ? state.customer.id : "CUSTOMER_ID";
  const url = `${API_BASE_URL}/v1/customers/${encodeURIComponent(id)}`;
  return [
    `curl -X PATCH ${shellQuote(url)} \\`,
    `  -H 'Authorization: Bearer YOUR_API_KEY' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(JSON.stringify(patch))}`,
  ].join("\n");
}

/** Returns the pointers of the merged customer that the patch sets. */
function changedPointers(patch) {
  const marks = new Map();
  for (const [field, value] of Object.entries(patch)) {
    if (field === "metadata" && value && typeof value === "object") {
      for (const [key, member] of Object.entries(value)) {
        if (member !== null) {
          marks.set(`/metadata/${escapePointerKey(key)}`, "changed");
        }
      }
    } else {
      marks.set(`/${escapePointerKey(field)}`, "changed");
    }
  }
  return marks;
}

function showStatus(text, tone) {
  elements.status.textContent = text;
  elements.status.dataset.tone = tone;
}

function summarize(patch, errors, warnings) {
  const warningText = countOf(state.locale, "warnings", warnings.length);
  if (errors.length > 0) {
    const errorText = countOf(state.locale, "errors", errors.length);
    showStatus(warnings.length > 0 ? t("statusErrorsWarnings", { errors: errorText, warnings: warningText }) : t("statusErrors", { errors: errorText }), "error");
    return;
  }
  const fields = Object.keys(patch).length;
  if (fields === 0 && state.tab === "form") {
    showStatus(t("statusNoChanges"), "ok");
    return;
  }
  const count = countOf(state.locale, "fields", fields);
  let key = warnings.length > 0 ? "statusWarnings" : "statusValid";
  if (state.tab === "raw") {
    key = "statusRawValid";
  }
  showStatus(t(key, { count, warnings: warningText }), warnings.length > 0 ? "warning" : "ok");
}

/** Shows the PATCH body, the merged customer and the curl command, or clears them on errors. */
function showOutputs(patch, errors, warnings) {
  let merged = null;
  if (patch && errors.length === 0) {
    try {
      merged = state.api.applyPatch(state.customer, patch, { locale: state.locale });
    } catch (error) {
      if (!(error instanceof state.api.PatchError)) {
        throw error;
      }
      errors = error.issues;
      (state.tab === "form" ? formMessages : elements.rawMessages).append(...error.issues.map(renderIssue));
    }
  }

  if (patch) {
    renderJson(elements.patchOutput, patch);
    elements.curl.textContent = curlCommand(patch);
  } else {
    elements.patchOutput.textContent = "";
    elements.curl.textContent = "";
  }

  if (merged) {
    renderJson(elements.result, merged, changedPointers(patch));
    const removed = Object.entries(patch.metadata ?? {}).filter(([, value]) => value === null).map(([key]) => key);
    elements.removedKeys.textContent = t("removedKeys", { keys: removed.join(", ") });
    elements.removedKeys.hidden = removed.length === 0;
  } else {
    elements.result.replaceChildren();
    elements.removedKeys.hidden = true;
  }
  elements.result.hidden = merged === null;
  elements.resultNote.hidden = merged !== null;
  summarize(patch ?? {}, errors, warnings);
}

// --- The two editors ------------------------------------------------------------------------

function updateForm() {
  let patch = null;
  let errors = [];
  try {
    patch = state.api.createPatch(state.customer, editedCustomer(), { locale: state.locale });
  } catch (error) {
    if (!(error instanceof state.api.PatchError)) {
      throw error;
    }
    errors = error.issues;
  }
  const warnings = patch ? state.api.validatePatch(patch, { locale: state.locale }).warnings : [];

  showFieldIssues([...errors, ...warnings]);
  showEicCheck();
  showOutputs(patch, errors, warnings);
}

// The raw tab checks the text as the edge handler would, with validatePatchJson, so a syntax
// error or a repeated key is reported in the same words. JSON.parse only draws the tree.
function updateRaw() {
  const text = elements.rawPatch.value;
  const { valid, errors, warnings } = state.api.validatePatchJson(text, { locale: state.locale });
  const issues = [...errors, ...warnings];
  elements.rawMessages.replaceChildren(...issues.map(renderRawIssue));
  elements.rawPatch.toggleAttribute("aria-invalid", !valid);

  let body;
  let parsed = true;
  try {
    body = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (!parsed) {
    elements.rawView.replaceChildren();
    showOutputs(null, errors, warnings);
    return;
  }

  // An error and a warning at one pointer are marked as the error.
  const marks = new Map();
  for (const issue of [...warnings, ...errors]) {
    marks.set(issue.pointer, `issue-mark issue-mark-${issue.severity}`);
  }
  renderJson(elements.rawView, body, marks);
  showOutputs(valid ? body : null, errors, warnings);
}

/** Builds a raw-tab message, which also names the pointer because there is no field to sit next to. */
function renderRawIssue(issue) {
  const item = renderIssue(issue);
  const pointer = document.createElement("code");
  pointer.className = "pointer";
  pointer.textContent = issue.pointer === "" ? `"" (${t("wholeBody")})` : issue.pointer;
  item.prepend(pointer, " ");
  return item;
}

function update() {
  try {
    if (state.tab === "form") {
      updateForm();
    } else {
      updateRaw();
    }
  } catch (error) {
    showStatus(`${error.name}: ${error.message}`, "error");
    console.error(error);
  }
}

// --- Tabs, language, loading ----------------------------------------------------------------

function selectTab(tab, { focus = false } = {}) {
  if (tab === "raw" && elements.rawPatch.value.trim() === "") {
    elements.rawPatch.value = JSON.stringify(elements.patchOutput.textContent ? JSON.parse(elements.patchOutput.textContent) : {}, null, 2);
  }
  state.tab = tab;
  for (const button of elements.tabs) {
    const selected = button.id === `tab-${tab}`;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    document.getElementById(button.getAttribute("aria-controls")).hidden = !selected;
    if (selected && focus) {
      button.focus();
    }
  }
  update();
}

function handleTabKeys(event) {
  const index = elements.tabs.indexOf(event.currentTarget);
  const moves = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: elements.tabs.length - 1 };
  if (!(event.key in moves)) {
    return;
  }
  event.preventDefault();
  const next = elements.tabs[(moves[event.key] + elements.tabs.length) % elements.tabs.length];
  selectTab(next.id.replace("tab-", ""), { focus: true });
}

function setLocale(locale) {
  state.locale = locale;
  translatePage(document, locale);
  // The "(not set)" options and the rows' labels are built in script, so they are redone here.
  fillSelect(elements.statusInput, state.statuses, elements.statusInput.value || undefined, "statusUnset");
  fillSelect(elements.tsoInput, state.tsos, elements.tsoInput.value || undefined, "tsoUnset");
  labelMetadataRows();
  update();
}

/** Loads the customer typed as JSON, when the package accepts it as a customer. */
function loadTypedCustomer() {
  let customer;
  try {
    customer = JSON.parse(elements.customerJson.value);
  } catch (error) {
    elements.loadMessage.textContent = t("loadInvalidJson", { message: error.message });
    elements.loadMessage.dataset.tone = "error";
    return;
  }
  try {
    state.api.createPatch(customer, customer, { locale: state.locale });
  } catch (error) {
    if (!(error instanceof state.api.PatchError)) {
      throw error;
    }
    elements.loadMessage.textContent = error.issues.map((issue) => issue.message).join(" ");
    elements.loadMessage.dataset.tone = "error";
    return;
  }
  loadCustomer(customer);
  elements.loadMessage.textContent = t("loaded", { id: elements.customerId.textContent });
  elements.loadMessage.dataset.tone = "ok";
}

async function copyCurl() {
  try {
    await navigator.clipboard.writeText(elements.curl.textContent);
    elements.copyMessage.textContent = t("copied");
  } catch {
    window.getSelection().selectAllChildren(elements.curl);
    elements.copyMessage.textContent = t("copyFailed");
  }
}

async function main() {
  try {
    state.api = await import("./pkg/web.js");
    await state.api.default();
  } catch (error) {
    showStatus(t("statusLoadFailed", { message: error.message }), "error");
    console.error(error);
    return;
  }

  state.statuses = allowedValues({ status: "" }, "/status");
  state.tsos = allowedValues({ balance_group: { eic: "10YDE-RWENET---I", tso: "" } }, "/balance_group/tso");
  const example = JSON.parse($("#example-customer").textContent);

  const form = $("#panel-form");
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  elements.addRow.addEventListener("click", () => {
    const row = addMetadataRow();
    update();
    row.querySelector("input").focus();
  });
  elements.rawPatch.addEventListener("input", update);
  elements.rawFromForm.addEventListener("click", () => {
    selectTab("form");
    const patch = elements.patchOutput.textContent;
    elements.rawPatch.value = patch ? JSON.stringify(JSON.parse(patch), null, 2) : "{}";
    selectTab("raw");
  });
  for (const tab of elements.tabs) {
    tab.addEventListener("click", () => selectTab(tab.id.replace("tab-", "")));
    tab.addEventListener("keydown", handleTabKeys);
  }
  elements.locale.addEventListener("change", () => setLocale(elements.locale.value));
  elements.reset.addEventListener("click", () => loadCustomer(state.customer));
  elements.loadCustomer.addEventListener("click", loadTypedCustomer);
  elements.copyCurl.addEventListener("click", copyCurl);

  translatePage(document, state.locale);
  loadCustomer(example);
}

main();

// UI wiring for the demo page. Every rule and message comes from the brp-customer-patch package.
// This file only parses the textarea, calls the package and renders what it returns.

const patchInput = document.querySelector("#patch");
const localeSelect = document.querySelector("#locale");
const resetButton = document.querySelector("#reset");
const statusLine = document.querySelector("#status");
const issueList = document.querySelector("#issues");
const resultOutput = document.querySelector("#result");
const resultNote = document.querySelector("#result-note");

// The customer is parsed from #customer, so the merge always uses the JSON that the page shows.
const customer = JSON.parse(document.querySelector("#customer").textContent);

/** Formats a count with its noun, such as "1 error" or "2 warnings". */
function formatCount(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Sets the summary line and its tone, which is "ok", "warning" or "error". */
function showStatus(text, tone) {
  statusLine.textContent = text;
  statusLine.dataset.tone = tone;
}

function showResult(mergedCustomer) {
  resultOutput.textContent = JSON.stringify(mergedCustomer, null, 2);
  resultOutput.hidden = false;
  resultNote.hidden = true;
}

function clearResult(note) {
  resultOutput.textContent = "";
  resultOutput.hidden = true;
  resultNote.textContent = note;
  resultNote.hidden = false;
}

/** Builds one list item showing an issue's severity, code, JSON Pointer and message. */
function renderIssue(issue) {
  const item = document.createElement("li");
  item.className = `issue issue-${issue.severity}`;
  item.dataset.code = issue.code;

  const header = document.createElement("div");
  header.className = "issue-head";

  const severity = document.createElement("span");
  severity.className = "severity";
  severity.textContent = issue.severity === "warning" ? "Warning" : "Error";

  const code = document.createElement("code");
  code.className = "code";
  code.textContent = issue.code;

  // An empty pointer means the whole document, which would otherwise render as nothing.
  const pointer = document.createElement("code");
  pointer.className = "pointer";
  pointer.textContent = issue.pointer === "" ? '"" (whole document)' : issue.pointer;

  header.append(severity, code, pointer);
  if (issue.params?.subject === "customer") {
    const subject = document.createElement("span");
    subject.className = "subject";
    subject.textContent = "in the customer";
    header.append(subject);
  }

  const message = document.createElement("p");
  message.className = "message";
  message.textContent = issue.message;

  item.append(header, message);
  return item;
}

function renderIssues(issues, locale) {
  issueList.lang = locale;
  issueList.replaceChildren(...issues.map(renderIssue));
}

/** Validates the textarea's text and updates the status line, issue list and merged customer. */
function validateAndRender(api) {
  const locale = localeSelect.value;

  let patch;
  try {
    patch = JSON.parse(patchInput.value);
  } catch (error) {
    showStatus(`Not valid JSON: ${error.message}`, "error");
    renderIssues([], locale);
    clearResult("Fix the JSON syntax to validate the patch.");
    return;
  }

  const { valid, errors, warnings } = api.validatePatch(patch, { locale });
  renderIssues([...errors, ...warnings], locale);

  if (!valid) {
    const summary = [formatCount(errors.length, "error")];
    if (warnings.length > 0) {
      summary.push(formatCount(warnings.length, "warning"));
    }
    showStatus(summary.join(", "), "error");
    clearResult("No merged customer while the patch has errors.");
    return;
  }

  if (warnings.length > 0) {
    showStatus(`Valid patch, ${formatCount(warnings.length, "warning")}`, "warning");
  } else {
    showStatus("Valid patch", "ok");
  }

  // applyPatch also checks the customer, so it can still reject a patch that validatePatch accepts.
  try {
    showResult(api.applyPatch(customer, patch, { locale }));
  } catch (error) {
    if (!(error instanceof api.PatchError)) {
      throw error;
    }
    renderIssues([...error.issues, ...warnings], locale);
    showStatus(`Valid patch, but applyPatch failed with ${formatCount(error.issues.length, "error")}`, "error");
    clearResult("No merged customer because applyPatch rejected the merge.");
  }
}

async function main() {
  let api;
  try {
    api = await import("./pkg/web.js");
    await api.default();
  } catch (error) {
    showStatus(
      `Failed to load the package from ./pkg/web.js (${error.message}). Run "make demo" and open the page it serves.`,
      "error",
    );
    console.error(error);
    return;
  }

  // An unexpected exception would otherwise leave the previous, now stale, output on screen.
  const handleChange = () => {
    try {
      validateAndRender(api);
    } catch (error) {
      showStatus(`Unexpected error: ${error.message}`, "error");
      clearResult("No merged customer because of the error above.");
      console.error(error);
    }
  };

  patchInput.addEventListener("input", handleChange);
  localeSelect.addEventListener("change", handleChange);
  resetButton.addEventListener("click", () => {
    patchInput.value = patchInput.defaultValue;
    handleChange();
  });
  handleChange();
}

main();

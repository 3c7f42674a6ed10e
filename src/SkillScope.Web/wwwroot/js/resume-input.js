import { h } from './dom.js';

// The resume fields of the resume check and job matching pages: pasted text, or a file, and its format.
// The resume goes into the request only: never into the URL, never stored.

export function resumeInput(prefix, describedBy) {
  const text = h('textarea', { id: `${prefix}-text`, name: 'resume', rows: 14, spellcheck: 'false', 'aria-describedby': describedBy });
  const file = h('input', { id: `${prefix}-file`, type: 'file', name: 'resume-file', accept: '.txt,.md,.markdown,.json,.docx,.pdf,text/plain,text/markdown,application/json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const format = h('select', { id: `${prefix}-format`, name: 'format' },
    [['', 'from the file name (pasted: plain text)'], ['text', 'Plain text'], ['markdown', 'Markdown'], ['json-resume', 'JSON Resume']]
      .map(([value, label]) => h('option', { value }, label)));
  return {
    fields: [
      h('label', { class: 'field block', for: text.id }, 'Resume text'), text,
      h('label', { class: 'field', for: file.id }, 'or a file'), file,
      h('label', { class: 'field', for: format.id }, 'Format'), format,
    ],
    /** Adds the resume (the file when one is chosen, else the pasted text) and its format to the form. */
    appendTo(form) {
      const chosen = file.files?.[0];
      if (chosen) form.append('resume', chosen, chosen.name);
      else if (text.value.trim()) form.append('resume', text.value);
      if (format.value) form.append('format', format.value);
    },
  };
}

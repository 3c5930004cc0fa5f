/*
 * The case reference (AVH-ÅÅÅÅ-NNNN) on every task card in Tasklist, for both municipalities.
 *
 * Tasklist's own card variables (filter property "variables") are read with a process-variable
 * query, which needs READ on the process instance; caseworkers have READ on their tasks only, and
 * should keep it that way. So the card asks for the one variable through the task's own form
 * variables (GET task/{id}/form-variables), which the task permission already covers: a card
 * shows only what its task's form shows anyway, and a user never sees a card of another
 * municipality's task in the first place.
 */
const VARIABLE = 'arendeReferens';

function render(node, { api, taskId }) {
  node.textContent = '';
  if (!taskId || !api || !api.engineApi) {
    return;
  }
  const url = `${api.engineApi}/task/${encodeURIComponent(taskId)}/form-variables?variableNames=${VARIABLE}`;
  fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : {}))
    .then(variables => {
      const referens = variables && variables[VARIABLE] && variables[VARIABLE].value;
      if (typeof referens !== 'string' || !referens) {
        return;
      }
      const row = document.createElement('div');
      row.className = 'avhoppare-arendereferens';
      const label = document.createElement('span');
      label.className = 'avhoppare-arendereferens-etikett';
      label.textContent = 'Ärende';
      const value = document.createElement('strong');
      value.textContent = referens;
      row.append(label, ' ', value);
      node.appendChild(row);
    })
    .catch(() => {
      // the card simply shows no reference; the task itself is unaffected
    });
}

export default {
  id: 'avhoppare-arendereferens',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render
};

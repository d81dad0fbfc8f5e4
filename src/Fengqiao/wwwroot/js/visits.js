// The visit form on a phone: the demand section shows only when "The resident raised a demand"
// is ticked, and its description starts as the notes (the officer shortens it if needed).
// Without JavaScript the section simply stays visible and an empty description takes the notes.
(function () {
    const raised = document.getElementById('Input_RaisedDemand');
    const section = document.getElementById('demand-section');
    const notes = document.getElementById('Input_Notes');
    const description = document.getElementById('Input_DemandDescription');
    if (!raised || !section) { return; }
    const sync = () => {
        section.hidden = !raised.checked;
        if (raised.checked && description && notes && !description.value.trim()) {
            description.value = notes.value;
        }
    };
    raised.addEventListener('change', sync);
    sync();
})();

// Filter the problems and sort any table by a column, without leaving the page.
// Reads and writes text only (textContent, dataset): never markup.
(function () {
  "use strict";

  function normal(texto) {
    return texto.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function clave(celda) {
    return celda.dataset.orden !== undefined ? celda.dataset.orden : celda.textContent.trim();
  }

  function ordenar(tabla, th) {
    var ascendente = th.getAttribute("aria-sort") !== "ascending";
    var columna = th.cellIndex;
    tabla.querySelectorAll("thead th").forEach(function (otro) { otro.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascendente ? "ascending" : "descending");
    var cuerpo = tabla.tBodies[0];
    var filas = Array.prototype.slice.call(cuerpo.rows);
    filas.sort(function (a, b) {
      var orden = clave(a.cells[columna]).localeCompare(clave(b.cells[columna]), "es", { numeric: true });
      return ascendente ? orden : -orden;
    });
    filas.forEach(function (fila) { cuerpo.appendChild(fila); });
  }

  // Printing opens the folded lists so that paper shows every overdue action; closing the dialog folds them back.
  var abiertas = [];
  window.addEventListener("beforeprint", function () {
    abiertas = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    abiertas.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    abiertas.forEach(function (d) { d.open = false; });
    abiertas = [];
  });

  document.querySelectorAll("table.ordenable").forEach(function (tabla) {
    tabla.querySelectorAll("thead th").forEach(function (th) {
      var boton = th.querySelector("button");
      if (boton) { boton.addEventListener("click", function () { ordenar(tabla, th); }); }
    });
  });

  var filtro = document.getElementById("filtro");
  var tipo = document.getElementById("filtro-codigo");
  var contador = document.getElementById("contador");
  if (!filtro || !tipo || !contador) { return; }
  var filas = Array.prototype.slice.call(document.querySelectorAll("tr.problema"));
  var textos = filas.map(function (fila) { return normal(fila.textContent); });
  var secciones = Array.prototype.slice.call(document.querySelectorAll("section.archivo"));

  function aplicar() {
    var palabras = normal(filtro.value).split(/\s+/).filter(Boolean);
    var codigo = tipo.value;
    var visibles = 0;
    filas.forEach(function (fila, i) {
      var pasa = (!codigo || fila.dataset.codigo === codigo) &&
        palabras.every(function (palabra) { return textos[i].indexOf(palabra) !== -1; });
      fila.hidden = !pasa;
      if (pasa) { visibles += 1; }
    });
    secciones.forEach(function (seccion) {
      var enSeccion = seccion.querySelectorAll("tr.problema:not([hidden])").length;
      seccion.hidden = enSeccion === 0;
      seccion.querySelector(".visibles").textContent = String(enSeccion);
    });
    contador.textContent = String(visibles);
  }

  filtro.addEventListener("input", aplicar);
  tipo.addEventListener("change", aplicar);
})();

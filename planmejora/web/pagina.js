"use strict";
// Drag and drop onto the upload zone, the names of the chosen files, and a busy message while they load.
document.querySelectorAll("[data-zona]").forEach(function (zona) {
  var entrada = zona.querySelector("input[type=file]");
  var lista = document.getElementById("elegidos");
  function mostrar() {
    if (!lista) { return; }
    lista.textContent = "";
    Array.prototype.forEach.call(entrada.files, function (archivo) {
      var item = document.createElement("li");
      item.textContent = archivo.name;
      lista.appendChild(item);
    });
  }
  ["dragenter", "dragover"].forEach(function (nombre) {
    zona.addEventListener(nombre, function (evento) { evento.preventDefault(); zona.classList.add("encima"); });
  });
  ["dragleave", "drop"].forEach(function (nombre) {
    zona.addEventListener(nombre, function () { zona.classList.remove("encima"); });
  });
  zona.addEventListener("drop", function (evento) {
    evento.preventDefault();
    entrada.files = evento.dataTransfer.files;
    mostrar();
  });
  entrada.addEventListener("change", mostrar);
});
document.querySelectorAll("form[data-ocupado]").forEach(function (formulario) {
  formulario.addEventListener("submit", function () {
    var boton = formulario.querySelector("button[type=submit]");
    if (boton) { boton.disabled = true; boton.textContent = formulario.getAttribute("data-ocupado"); }
  });
});

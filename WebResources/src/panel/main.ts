// Entry point of adopt_/adopters/panel.js.
import { onClientContext } from "./context";
import { Panel } from "./app";

const root = document.getElementById("adopt-panel");
if (root) {
  const panel = new Panel(root);
  onClientContext(window, (r) => panel.show(r));
}

package site

import (
	"bytes"
	"fmt"

	"artsmap/internal/registry"
)

// StatusCSSPath is the stylesheet of the statuses, made from the registry
// so that the statuses' colours and shapes have one home. Every page links
// it after /css/site.css.
const StatusCSSPath = "/css/statuses.css"

// shapeCSS draws each marker shape in CSS: beside a status's label (the
// icon) and as the interactive map's marker. The SVG drawings are shapeOf.
var shapeCSS = map[registry.Shape]struct{ icon, marker string }{
	registry.Circle:   {"border-radius: 50%;", "border-radius: 50%;"},
	registry.Triangle: {"clip-path: polygon(50% 0, 100% 100%, 0 100%);", "clip-path: polygon(50% 0, 100% 100%, 0 100%); border: 0; box-shadow: none;"},
	registry.Diamond:  {"transform: rotate(45deg) scale(0.85);", "transform: rotate(45deg) scale(0.85);"},
	registry.Cross:    {"clip-path: polygon(20% 0, 50% 30%, 80% 0, 100% 20%, 70% 50%, 100% 80%, 80% 100%, 50% 70%, 20% 100%, 0 80%, 30% 50%, 0 20%);", ""},
}

// statusCSS writes the rules of every status: its label's colour and icon
// (.status-<id>), its marker in inline SVG such as the map's key
// (.m-<id>: filled, or an outline once ended) and its marker on the
// interactive map (.venue-marker.status-<id>) and its share of a cluster's
// ring (.ring-<id>) and the growth chart's bars (.bar-<id>).
func statusCSS() []byte {
	var b bytes.Buffer
	b.WriteString("/* Made by artsmap from its registry of statuses: colour is never the only signal, each has a shape. */\n")
	for _, st := range registry.Statuses {
		sh := shapeCSS[st.Shape]
		fmt.Fprintf(&b, ".status-%s { color: %s; }\n", st.ID, st.Colour)
		fmt.Fprintf(&b, ".status-%s .status-icon { %s }\n", st.ID, sh.icon)
		if st.Ended {
			fmt.Fprintf(&b, ".m-%s { stroke: %s; stroke-width: 3; fill: none; }\n", st.ID, st.Colour)
		} else {
			fmt.Fprintf(&b, ".m-%s { fill: %s; stroke: #fff; stroke-width: 1.5; }\n", st.ID, st.Colour)
		}
		fmt.Fprintf(&b, ".venue-marker.status-%s { color: %s; }\n", st.ID, st.Colour)
		fmt.Fprintf(&b, ".ring-%s { stroke: %s; }\n", st.ID, st.Colour)
		fmt.Fprintf(&b, ".bar-%s { fill: %s; }\n", st.ID, st.Colour)
		if sh.marker != "" {
			fmt.Fprintf(&b, ".venue-marker.status-%s span { %s }\n", st.ID, sh.marker)
		}
	}
	return b.Bytes()
}

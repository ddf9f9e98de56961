"""Finding a component in a Dash layout tree as the views return it (components, not their JSON)."""

from __future__ import annotations


def find_component(component, component_id):
    """The component with ``component_id`` in ``component``'s tree, or None."""
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = find_component(child, component_id)
            if found is not None:
                return found
    return None

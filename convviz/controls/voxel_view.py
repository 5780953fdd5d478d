"""The 3-D voxel view on the page: the browser draws it (:mod:`convviz.controls.voxel_client`),
mounted with ``st.components.v2.component``."""

from __future__ import annotations

from convviz.controls.components import registered
from convviz.controls.voxel_client import VOXEL_CSS, VOXEL_JS

COMPONENT = "convviz_voxels"


def voxel_view(scene: str, *, step: int, key: str) -> None:
    """Mount the voxel view of ``scene`` (the JSON text of
    :func:`~convviz.figures.conv3d.voxels.voxel_scene`) with the window at step ``step``.

    The scene goes as text, written once per setting: a new step only changes the number
    around it. Turning the view and walking its steps happen in the browser, with no run.
    """
    registered(COMPONENT, css=VOXEL_CSS, js=VOXEL_JS)(
        key=key, data=f'{{"start":{int(step)},"scene":{scene}}}'
    )

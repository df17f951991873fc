"""The kernel's sockets: Unix sockets in the runtime folder under a name of their own (never
"kernel-ipc-N" beside the notebook, never shared by two runs), loopback TCP when they would not
fit or the folder cannot be made."""

import pytest

from dossier.run import briefing


def test_sockets_get_a_path_of_their_own_in_the_runtime_folder():
    runtime = "/home/analyst/.local/share/jupyter/runtime"
    first, second = briefing.kernel_config(runtime), briefing.kernel_config(runtime)
    assert first.KernelManager.transport == "ipc"
    assert first.KernelManager.ip.startswith(f"{runtime}/kernel-")
    assert len(first.KernelManager.ip) == len(runtime) + len("/kernel-") + 8
    assert first.KernelManager.ip != second.KernelManager.ip  # two runs never share sockets


@pytest.mark.parametrize("runtime", ["/" + "d" * 60, ""], ids=["too long", "none"])
def test_tcp_when_sockets_would_not_fit(runtime):
    config = briefing.kernel_config(runtime)
    assert "transport" not in config.KernelManager and "ip" not in config.KernelManager


def test_the_runtime_folder_is_made_for_this_user_only(tmp_path, monkeypatch):
    runtime = tmp_path / "rt"
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    assert briefing._runtime_dir() == str(runtime)
    assert runtime.is_dir() and runtime.stat().st_mode & 0o777 == 0o700


def test_a_runtime_folder_that_cannot_be_made_means_tcp(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("in the way\n")
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(blocker / "rt"))
    assert briefing._runtime_dir() is None
    assert "transport" not in briefing.kernel_config().KernelManager

"""`/api/ingest`, `/api/link` and `/api/jobs`: writes that run in the background, with their progress."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Request, UploadFile

from newsweave.api.auth import hub_of, require_read, require_token
from newsweave.api.models import JobOut
from newsweave.api.state import new_job
from newsweave.errors import InputError

router = APIRouter(prefix="/api", tags=["jobs"])
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK = 1024 * 1024


def _safe_name(index: int, name: str | None) -> str:
    """A file name of our own: the upload's name can hold paths ("../../x") and must not be trusted."""
    cleaned = _UNSAFE.sub("_", (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("._")[:100]
    return f"{index:05d}_{cleaned or 'upload'}"


@router.post("/ingest", response_model=JobOut, status_code=202, dependencies=[Depends(require_token)])
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Pages, captures, WARC(.gz), JSON Lines, feeds.")],
    link: Annotated[bool, Form(description="Link what is new once it is stored.")] = False,
) -> dict[str, Any]:
    """Store uploaded files in the background (`newsweave ingest`); poll the job for progress."""
    hub = hub_of(request)
    if not files:
        raise InputError("no files were uploaded", hint="send them as multipart form field 'files'")
    folder = hub.new_upload_folder()
    names = []
    for index, upload in enumerate(files):
        name = _safe_name(index, upload.filename)
        with (folder / name).open("wb") as out:
            while chunk := await upload.read(_CHUNK):
                out.write(chunk)
        names.append(upload.filename or name)
    job = hub.submit(new_job("ingest", inputs=names, link=link, folder=folder))
    return job.as_dict()


@router.post("/link", response_model=JobOut, status_code=202, dependencies=[Depends(require_token)])
def link(request: Request) -> dict[str, Any]:
    """Link every article not linked yet, in the background (`newsweave link`)."""
    return hub_of(request).submit(new_job("link")).as_dict()


@router.get("/jobs", response_model=list[JobOut], dependencies=[Depends(require_read)])
def jobs(request: Request) -> list[dict[str, Any]]:
    """Jobs since the server started, newest first."""
    return [j.as_dict() for j in reversed(hub_of(request).jobs.values())]


@router.get("/jobs/{job_id}", response_model=JobOut, dependencies=[Depends(require_read)])
def job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One job and its progress: items read, stored, duplicates, rejected (with reasons), articles linked."""
    return hub_of(request).job(job_id).as_dict()

"""The code and name fields of boundary files: given or guessed."""

import pytest

from geodata.boundaries.importer.inspect import inspect_boundary_file
from geodata.errors import InputError
from tests import boundary_cases as cases


def test_field_choice_and_unknown_field(folder):
    path = cases.write_case(folder, "gbk_shapefile_4547")
    result = inspect_boundary_file(path, name_field="QHMC", code_field="QHDM")
    assert result.fields == ["QHDM", "QHMC"]
    with pytest.raises(InputError, match="no field 'NAME' for the name: give --name-field one"):
        inspect_boundary_file(path, name_field="NAME")
